import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// The shared `EventLogFixture` written to an embedded log of its own, with what the ClickHouse tests
/// add: logs derived from it (duplicates, gaps) and its trades with their batches' seq and time.
final class ClickHouseEventLog: Sendable {
  static let recordsPerAppend = 10_000

  let directory: TemporaryDirectory
  let path: String
  let batches: [EventBatchRecord]

  var address: String { "sqlite:" + path }

  /// The command at position `i` is stamped `EventLogFixture.firstTimestamp + i ×
  /// timestampStepMilliseconds`: a second apart by default, so that trades spread over many candles.
  init(seed: UInt64, commandCount: Int, timestampStepMilliseconds: Int64 = 1_000) throws {
    directory = try TemporaryDirectory(prefix: "tradelog-clickhouse-events")
    path = directory.file("events.db").path
    let fixture = EventLogFixture(
      seed: seed, commandCount: commandCount, timestampStepMilliseconds: timestampStepMilliseconds)
    batches = fixture.batches
    try fixture.write(toLogAt: path)
  }

  deinit {
    directory.remove()
  }

  /// Appends `values` as records, in appends of `recordsPerAppend`.
  static func append(_ values: [[UInt8]], to address: String) throws {
    let log = try openLog(address)
    var start = 0
    while start < values.count {
      let end = min(start + recordsPerAppend, values.count)
      try log.append(values[start..<end].map { NewRecord(value: $0) })
      start = end
    }
  }

  /// A new log in `directory` holding `values`, for tests that alter the stream (duplicates, gaps).
  func derivedLog(named name: String, values: [[UInt8]]) throws -> String {
    let address = "sqlite:" + directory.file(name + "-" + UUID().uuidString + ".db").path
    try Self.append(values, to: address)
    return address
  }

  /// Every trade of the run with its batch's seq and timestamp, in trade id order.
  var trades: [(trade: Trade, seq: UInt64, timestamp: Int64)] {
    batches.flatMap { batch in
      batch.events.compactMap { event in
        guard case .trade(let trade) = event else { return nil }
        return (trade, batch.seq, batch.timestamp)
      }
    }
  }
}
