import RecordLog
import Synchronization
import TradelogCore
import TradelogSimulation
import TradelogWire

/// Logs for the auditor's suite, written so that a doctored copy differs from the original only where
/// a test changes it.
enum AuditorTestSupport {
  /// The records of `count` seeded workload commands, as a producer appends them.
  static func workloadRecords(seed: UInt64, count: Int) -> [NewRecord] {
    var workload = Workload(seed: seed)
    return (0..<count).map { _ in NewRecord(value: CommandEncoder.encode(workload.next()!)) }
  }

  /// Appends `records` 500 at a time through a fresh `SteppingLogClock`: two logs written from the
  /// same records get the same timestamps, so a commands log with one command replaced replays to the
  /// same batches everywhere else.
  static func appendCommands(_ records: [NewRecord], to address: LogAddress) throws {
    var options = SequencerTestSupport.logOptions
    options.clock = SteppingLogClock()
    let log = try openLog(address, options: options)
    for start in stride(from: 0, to: records.count, by: 500) {
      try log.append(Array(records[start..<min(start + 500, records.count)]))
    }
  }

  /// Writes `values` as a new events log (positions from 0, as the sequencer's).
  static func writeEvents(_ values: [[UInt8]], to address: LogAddress) throws {
    let log = try SequencerTestSupport.open(address)
    for start in stride(from: 0, to: values.count, by: 1_000) {
      try log.append(values[start..<min(start + 1_000, values.count)].map { NewRecord(value: $0) })
    }
  }

  /// Recomputes the chain hash of every batch from `index` on over the batches' own bytes: what a
  /// forger who rewrote batch `index` would do to hide it from a chain check.
  static func rechained(_ values: [[UInt8]], from index: Int) throws -> [[UInt8]] {
    var values = values
    var previousHash = index == 0 ? [] : try EventBatchRecord(serializedBytes: values[index - 1]).chainHash
    for position in index..<values.count {
      var batch = try EventBatchRecord(serializedBytes: values[position])
      batch.chainHash = SHA256.hash(previousHash + batch.bytesForChainHash())
      previousHash = batch.chainHash
      values[position] = batch.serializedBytes()
    }
    return values
  }

  /// The first batch at or after `index` holding a deposit, with that deposit's amount one higher:
  /// one changed value inside one event, the chain hash left as it was. Returns the batch's index.
  static func alteringADeposit(in values: inout [[UInt8]], from index: Int) throws -> Int {
    for position in index..<values.count {
      var batch = try EventBatchRecord(serializedBytes: values[position])
      guard
        let eventIndex = batch.events.firstIndex(where: { if case .deposited = $0 { true } else { false } }),
        case .deposited(var transfer) = batch.events[eventIndex]
      else { continue }
      transfer.amount += 1
      batch.events[eventIndex] = .deposited(transfer)
      values[position] = batch.serializedBytes()
      return position
    }
    preconditionFailure("the workload has no deposit after batch \(index)")
  }
}

/// A log clock that starts at a fixed instant and steps one millisecond per reading.
final class SteppingLogClock: LogClock {
  private let milliseconds = Atomic<Int64>(1_700_000_000_000)

  func nowMilliseconds() -> Int64 {
    milliseconds.add(1, ordering: .relaxed).newValue
  }
}
