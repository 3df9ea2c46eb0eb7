import Foundation
import RecordLog
import Synchronization
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// Logs, workloads and a sequencer on a thread of its own, for the sequencer suites.
enum SequencerTestSupport {
  /// Test logs skip the fsync per append: they need crash safety, not power-loss safety.
  static var logOptions: LogOpenOptions {
    var options = LogOpenOptions()
    options.sqlite.synchronous = .normal
    return options
  }

  static func open(_ address: LogAddress) throws -> any LogConnection {
    try openLog(address, options: logOptions)
  }

  /// Appends `count` commands of a seeded workload as protobuf records, `batchSize` per append.
  static func appendWorkload(
    to address: LogAddress, seed: UInt64, skipping skipped: Int = 0, count: Int, batchSize: Int = 1_000
  ) throws {
    var workload = Workload(seed: seed)
    for _ in 0..<skipped { _ = workload.next() }
    let log = try open(address)
    var records: [NewRecord] = []
    for _ in 0..<count {
      records.append(NewRecord(value: CommandEncoder.encode(workload.next()!)))
      if records.count == batchSize {
        try log.append(records)
        records.removeAll()
      }
    }
    try log.append(records)
  }

  static func allRecords(of address: LogAddress) throws -> [LogRecord] {
    let log = try open(address)
    var records: [LogRecord] = []
    while true {
      let batch = try log.read(from: Int64(records.count), max: ReadLimit(records: 10_000))
      if batch.isEmpty { return records }
      records += batch
    }
  }

  /// What the events log must hold: every command record through a fresh engine, written here
  /// without the sequencer's code (the chain is computed from its definition).
  static func expectedEventRecords(forCommandsIn address: LogAddress) throws -> [[UInt8]] {
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var previousHash: [UInt8] = []
    var expected: [[UInt8]] = []
    for (index, record) in try allRecords(of: address).enumerated() {
      let isJSON = record.header("content-type") == Array("application/json".utf8)
      let command =
        isJSON ? CommandDecoder.decode(jsonUTF8: record.value) : CommandDecoder.decode(record.value)
      engine.apply(command, timestamp: record.timestampMilliseconds, into: &buffer)
      var batch = EventBatchRecord(
        seq: UInt64(index + 1), commandOffset: UInt64(record.position), timestamp: buffer.timestamp,
        events: buffer.events)
      batch.chainHash = SHA256.hash(previousHash + batch.bytesForChainHash())
      previousHash = batch.chainHash
      expected.append(batch.serializedBytes())
    }
    return expected
  }

  /// Polls until the events log holds `count` records; false if `timeout` passes first.
  static func waitForEvents(
    in address: LogAddress, count: Int64, timeout: Duration = .seconds(60)
  ) throws -> Bool {
    let log = try open(address)
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if try log.endPosition() >= count { return true }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return false
  }
}

/// A sequencer running on a thread of its own, as the command runs it; its log lines are kept.
final class SequencerThread: Sendable {
  let stopRequest = StopRequest()
  private let state = Mutex<(finished: Bool, error: SequencerError?, lines: [String])>((false, nil, []))

  init(configuration: SequencerConfiguration) {
    var logging = configuration
    logging.log = { [self] line in state.withLock { $0.lines.append(line) } }
    let thread = Thread { [self, configuration = logging] in
      var outcome: SequencerError?
      do throws(SequencerError) {
        try Sequencer(configuration: configuration, stopRequest: stopRequest).run()
      } catch {
        outcome = error
      }
      state.withLock { $0 = (true, outcome, $0.lines) }
    }
    thread.stackSize = 16 << 20
    thread.start()
  }

  static func configuration(
    commands: LogAddress, events: LogAddress, snapshots: String, snapshotEvery: Int? = nil
  ) -> SequencerConfiguration {
    SequencerConfiguration(
      commands: commands, events: events, snapshotDirectory: snapshots, snapshotEveryCommands: snapshotEvery,
      snapshotInterval: nil, snapshotsKept: 3, batchSizeMax: 1_000, idleWait: .milliseconds(20),
      logOptions: SequencerTestSupport.logOptions, log: { _ in })
  }

  var lines: [String] { state.withLock { $0.lines } }

  /// Waits for the sequencer to end by itself (an error) or, after `stop()`, cleanly.
  func join(timeout: Duration = .seconds(60)) -> (finished: Bool, error: SequencerError?) {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let (finished, error, _) = state.withLock { $0 }
      if finished { return (true, error) }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return (false, nil)
  }

  func stop() -> (finished: Bool, error: SequencerError?) {
    stopRequest.request()
    return join()
  }
}
