import ClickHouseClient
import Foundation

/// Inserts the rows of one range of batches: one Native block per history table, the tables at once,
/// and the candles of the trades once they are stored. The session hands it a range and goes on reading, decoding and encoding
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
    let tables = HistoryTable.allCases.filter { rows.rowCount(of: $0) > 0 }
    // The tables' inserts run at once: the server handles each on one thread, so one at a time left
    // a core idle. Each table has its own mark (its max(seq)), so which of them commit before a
    // failure does not matter: the next session resumes each table from what it stores. The candles
    // follow the trades insert alone, while the other tables' inserts may still run.
    let outcomes = await withTaskGroup(of: (HistoryTable, Result<UInt64, ClickHouseProjectionError>).self) {
      group in
      for table in tables {
        group.addTask {
          (table, await insert(rows, into: table, lastSeq: lastSeq, candleMark: candleMark))
        }
      }
      var outcomes: [HistoryTable: Result<UInt64, ClickHouseProjectionError>] = [:]
      for await (table, outcome) in group { outcomes[table] = outcome }
      return outcomes
    }
    var inserted = Inserted(lastSeq: lastSeq, candleMark: candleMark, rowCounts: [])
    for table in tables {
      switch outcomes[table] {
      case .failure(let error)?: return .failure(error)
      case .success(let newCandleMark)?: if table == .trades { inserted.candleMark = newCandleMark }
      case nil: preconditionFailure("the insert of \(table.name) reported nothing")
      }
      inserted.rowCounts.append((table, rows.rowCount(of: table)))
    }
    return .success(inserted)
  }

  /// Inserts the rows of `table` as one Native block, and after trades, counts them into the candles.
  /// Returns the candles' mark after it.
  private func insert(
    _ rows: HistoryRows, into table: HistoryTable, lastSeq: UInt64, candleMark: UInt64
  ) async -> Result<UInt64, ClickHouseProjectionError> {
    do {
      try await client.insert(table: table.name, format: .native, body: Data(rows.nativeBlock(of: table)))
    } catch {
      return .failure(
        .clickHouse(error, during: "inserting \(table.name) of batches \(rows.firstSeq ?? 0)–\(lastSeq)"))
    }
    guard table == .trades else { return .success(candleMark) }
    do {
      return .success(try await candles.aggregate(after: candleMark, through: lastSeq))
    } catch {
      return .failure(error)
    }
  }
}
