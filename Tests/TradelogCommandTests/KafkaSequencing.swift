import Foundation
import KafkaClient
import RecordLog
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// What the tests of the sequencer on Kafka share: topics with unique names, command records, and
/// reading a Kafka log whole.
///
/// Positions on Kafka have gaps (each sequencer start appends a claim record to the events log,
/// which reads skip), so everything here reads on from the last record's position + 1 and counts
/// records, never positions.
enum KafkaSequencing {
  /// Two unique topic names, so that tests running in parallel on one broker never meet.
  static func topicNames(_ label: String) -> (commands: String, events: String) {
    let unique = UUID().uuidString.prefix(8).lowercased()
    return ("\(label)-\(unique).commands", "\(label)-\(unique).events")
  }

  /// A log on `topic`. lz4 keeps the logs small (the mock cluster keeps about 5 MiB per partition),
  /// and a short reconnect backoff lets clients find a broker that came back without waiting up to
  /// librdkafka's default 10 s. Both pass through the address to every client, the sequencer's too.
  static func address(_ bootstrapServers: String, _ topic: String) throws -> LogAddress {
    try LogAddress(
      parsing: "kafka://\(bootstrapServers)/\(topic)?compression.type=lz4&reconnect.backoff.max.ms=500")
  }

  /// `count` commands of a seeded workload as protobuf records.
  static func workloadRecords(seed: UInt64, count: Int) -> [NewRecord] {
    var workload = Workload(seed: seed)
    return (0..<count).map { _ in NewRecord(value: CommandEncoder.encode(workload.next()!)) }
  }

  /// Every record of the log, claim records skipped, read on from each last position.
  static func allRecords(of address: LogAddress) throws -> [LogRecord] {
    let log = try openLog(address)
    var records: [LogRecord] = []
    while true {
      let next = records.last.map { $0.position + 1 } ?? 0
      let batch = try log.read(from: next, max: ReadLimit(records: 10_000))
      if batch.isEmpty { return records }
      records += batch
    }
  }

  /// The events log a fresh engine writes for these command records, computed from the definition
  /// of the chain without the sequencer's code.
  static func expectedEvents(for commands: [LogRecord]) -> [[UInt8]] {
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var previousHash: [UInt8] = []
    var expected: [[UInt8]] = []
    for record in commands {
      let isJSON = record.header("content-type") == Array("application/json".utf8)
      let command =
        isJSON ? CommandDecoder.decode(jsonUTF8: record.value) : CommandDecoder.decode(record.value)
      engine.apply(command, timestamp: record.timestampMilliseconds, into: &buffer)
      var batch = EventBatchRecord(
        seq: UInt64(expected.count + 1), commandOffset: UInt64(record.position), timestamp: buffer.timestamp,
        events: buffer.events)
      batch.chainHash = SHA256.hash(previousHash + batch.bytesForChainHash())
      previousHash = batch.chainHash
      expected.append(batch.serializedBytes())
    }
    return expected
  }

  /// Reads the log as it grows until it holds `count` records; false if `timeout` passes first (a
  /// guard against a hang, not a timing assertion).
  static func waitForRecords(in address: LogAddress, count: Int, timeout: Duration) throws -> Bool {
    let log = try openLog(address)
    let deadline = ContinuousClock.now + timeout
    var seen = 0
    var next: Int64 = 0
    while seen < count {
      guard ContinuousClock.now < deadline else { return false }
      let batch = try log.read(from: next, max: ReadLimit(records: 10_000), waitingUpTo: .milliseconds(200))
      seen += batch.count
      if let last = batch.last { next = last.position + 1 }
    }
    return true
  }

  /// The event batches of an events log, decoded.
  static func batches(_ records: [LogRecord]) throws -> [EventBatchRecord] {
    try records.map { try EventBatchRecord(serializedBytes: $0.value) }
  }

  /// Whether `batches` are numbered 1, 2, 3, … and each one's chain hash follows from the one before.
  static func chainVerifies(_ batches: [EventBatchRecord]) -> Bool {
    var previousHash: [UInt8] = []
    for (index, batch) in batches.enumerated() {
      guard batch.seq == UInt64(index + 1),
        batch.chainHash == SHA256.hash(previousHash + batch.bytesForChainHash())
      else { return false }
      previousHash = batch.chainHash
    }
    return true
  }
}
