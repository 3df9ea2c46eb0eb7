import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// An events log made the way the sequencer makes one: a seeded workload run through the engine,
/// each command's events sealed into the hash chain and appended as a binary event batch record to
/// an embedded (SQLite) log. Keeps the batches, so tests can compute what the tables must hold.
final class EventLogFixture: Sendable {
  /// 2023-11-14 22:13:20 UTC: timestamps are real epoch milliseconds, so candles fall on real minutes.
  static let firstTimestampMilliseconds: Int64 = 1_700_000_000_000
  static let recordsPerAppend = 10_000

  let directory: TemporaryDirectory
  let path: String
  let batches: [EventBatchRecord]

  var address: String { "sqlite:" + path }

  /// Runs `commandCount` commands of the workload seeded with `seed`, the command at position `i`
  /// stamped `firstTimestampMilliseconds + i × timestampStepMilliseconds`.
  init(seed: UInt64, commandCount: Int, timestampStepMilliseconds: Int64 = 1_000) throws {
    directory = try TemporaryDirectory(prefix: "tradelog-clickhouse-events")
    path = directory.file("events.db").path
    var workload = Workload(seed: seed)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    var chain = EventChain()
    var batches: [EventBatchRecord] = []
    batches.reserveCapacity(commandCount)
    for position in 0..<commandCount {
      guard let command = workload.next() else { break }
      let timestamp = Self.firstTimestampMilliseconds + Int64(position) * timestampStepMilliseconds
      engine.apply(command, timestamp: timestamp, into: &buffer)
      batches.append(chain.seal(buffer, commandOffset: UInt64(position)))
    }
    self.batches = batches
    try Self.append(batches.map { $0.serializedBytes() }, to: "sqlite:" + path)
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
