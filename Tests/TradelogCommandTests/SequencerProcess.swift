import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogTestSupport
import TradelogWire

/// A `tradelog sequencer` process, started in the background with its standard error in a file, so
/// that a test can kill it at any instant and read what it said.
final class SequencerProcess {
  let process = Process()
  let errorFile: URL

  init(
    commands: String, events: String, snapshots: String, errorFile: URL, extraArguments: [String] = []
  ) throws {
    self.errorFile = errorFile
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.executableURL = try BuiltProducts.tradelog
    // Embedded test logs need not survive a power loss; the option is refused for Kafka logs.
    let durability = commands.hasPrefix("sqlite:") ? ["--sqlite-synchronous", "normal"] : []
    process.arguments =
      ["sequencer", "--commands", commands, "--events", events, "--snapshots", snapshots]
      + durability + extraArguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
  }

  /// A test that throws half-way must not leave a sequencer running (on Kafka it would keep
  /// retrying against a broker that is gone).
  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  /// Waits until the process said its first line, which it does after it began handling SIGINT and
  /// SIGTERM: a signal sent earlier would kill it instead of stopping it cleanly.
  func waitUntilStarted(timeout: Duration = .seconds(60)) {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline, !standardError.contains("sequencer: ") {
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  func send(_ signal: Int32) {
    kill(process.processIdentifier, signal)
  }

  /// Waits for the process to exit and returns its status.
  func wait() -> Int32 {
    process.waitUntilExit()
    return process.terminationStatus
  }

  var standardError: String {
    (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
  }
}

/// The events log a fresh engine writes for a commands log, computed without the sequencer's code.
enum ExpectedEvents {
  static func records(forCommandsIn address: LogAddress) throws -> [[UInt8]] {
    let log = try openLog(address)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var previousHash: [UInt8] = []
    var expected: [[UInt8]] = []
    while true {
      let records = try log.read(from: Int64(expected.count), max: ReadLimit(records: 10_000))
      if records.isEmpty { return expected }
      for record in records {
        engine.apply(
          CommandDecoder.decode(record.value), timestamp: record.timestampMilliseconds, into: &buffer)
        var batch = EventBatchRecord(
          seq: UInt64(expected.count + 1), commandOffset: UInt64(record.position),
          timestamp: buffer.timestamp,
          events: buffer.events)
        batch.chainHash = SHA256.hash(previousHash + batch.bytesForChainHash())
        previousHash = batch.chainHash
        expected.append(batch.serializedBytes())
      }
    }
  }

  static func allValues(of address: LogAddress) throws -> [[UInt8]] {
    let log = try openLog(address)
    var values: [[UInt8]] = []
    while true {
      let records = try log.read(from: Int64(values.count), max: ReadLimit(records: 10_000))
      if records.isEmpty { return values }
      values += records.map(\.value)
    }
  }

  /// Polls until the log at `address` holds `count` records; false if `timeout` passes first.
  static func waitForRecords(in address: LogAddress, count: Int64, timeout: Duration) throws -> Bool {
    let log = try openLog(address)
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if try log.endPosition() >= count { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return false
  }
}
