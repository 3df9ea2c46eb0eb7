import ClickHouseClient
import Foundation

/// Inserts the rows of one range of batches: one Native block per history table, then the candles of
/// the trades just stored. The session hands it a range and goes on reading, decoding and encoding
/// the next one while this insert is in flight, so the projector's work and the server's overlap;
/// the session awaits each insert before starting the next, so ranges still reach the server one at a
/// time and in order.
struct RangeInserter: Sendable {
  let client: ClickHouseClient
  let candles: CandleAggregator

  /// What one range's insert stored.
  struct Inserted: Sendable {
    /// The range's last batch: every history table holds its rows now.
    var lastSeq: UInt64
    /// The candles' new mark.
    var candleMark: UInt64
    var rowCounts: [(table: HistoryTable, count: Int)]
  }

  /// Inserts `rows` (a range ending at `lastSeq`), then counts its trades into the candles, whose
  /// mark is `candleMark` before.
  func insert(
    _ rows: HistoryRows, lastSeq: UInt64, candleMark: UInt64
  ) async -> Result<Inserted, ClickHouseProjectionError> {
    var inserted = Inserted(lastSeq: lastSeq, candleMark: candleMark, rowCounts: [])
    for table in HistoryTable.allCases where rows.rowCount(of: table) > 0 {
      do {
        try await client.insert(table: table.name, format: .native, body: Data(rows.nativeBlock(of: table)))
      } catch {
        return .failure(
          .clickHouse(error, during: "inserting \(table.name) of batches \(rows.firstSeq ?? 0)–\(lastSeq)"))
      }
      inserted.rowCounts.append((table, rows.rowCount(of: table)))
    }
    if rows.rowCount(of: .trades) > 0 {
      do {
        inserted.candleMark = try await candles.aggregate(after: candleMark, through: lastSeq)
      } catch {
        return .failure(error)
      }
    }
    return .success(inserted)
  }
}
