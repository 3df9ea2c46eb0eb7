import Foundation
import KafkaClient
import RecordLog
import Synchronization
import Testing

@Suite("KafkaLogConnection appends")
struct KafkaLogConnectionAppendTests {
  @Test("a claimed writer appends each batch as one transaction, at the positions it returns")
  func claimedWriterAppends() throws {
    let log = try KafkaMockLog(label: "claimed")
    let clock = ManualLogClock(1_700_000_000_500)
    let writer = try log.open(clock: clock)
    try writer.claimWriter()
    #expect(writer.configurationDescription.contains("transactional.id=tradelog.writer.\(log.topic).0"))

    var positions: [Int64] = []
    for batch in 0..<5 {
      positions += try writer.append((0..<4).map { NewRecord(text: "\(batch)/\($0)") })
    }
    let reader = try log.open()
    let records = try reader.read(from: 0, max: 100)
    #expect(records.map(\.text) == (0..<5).flatMap { batch in (0..<4).map { "\(batch)/\($0)" } })
    #expect(records.map(\.position) == positions)
    #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 })
    #expect(records.allSatisfy { $0.timestampMilliseconds == 1_700_000_000_500 })
    #expect(try reader.endPosition() > positions.last!)
  }

  /// The mock cluster does not fence a producer when another registers the same
  /// `transactional.id`, so this is the claim records' doing (see `KafkaWriterClaim`).
  @Test("a fenced writer writes nothing, claim records stay hidden, and claiming again takes the log back")
  func fencedWriterClaimsAgain() throws {
    let log = try KafkaMockLog(label: "reclaim")
    let first = try log.open()
    try first.claimWriter()
    let fromFirst = try first.append([NewRecord(text: "a1"), NewRecord(text: "a2")])
    let second = try log.open()
    try second.claimWriter()
    #expect(first.transactionalID == second.transactionalID)
    let fromSecond = try second.append(NewRecord(text: "b1"))

    let fenced = try #require(throws: RecordLogError.self) { try first.append(NewRecord(text: "lost")) }
    #expect(fenced.kind == .fenced)
    #expect(fenced.message.contains("claim record"))
    try first.claimWriter()
    let fromFirstAgain = try first.append(NewRecord(text: "a3"))
    let fencedSecond = try #require(throws: RecordLogError.self) {
      try second.append(NewRecord(text: "lost"))
    }
    #expect(fencedSecond.kind == .fenced)

    let records = try log.open().read(from: 0, max: 100)
    #expect(records.map(\.text) == ["a1", "a2", "b1", "a3"])
    #expect(records.map(\.position) == fromFirst + [fromSecond, fromFirstAgain])
    // Three claims, each a record of its own: the positions before each writer's first record.
    #expect(fromFirst[0] >= 1)
    #expect(fromSecond > fromFirst[1] + 1)
    #expect(fromFirstAgain > fromSecond + 1)
  }

  @Test("an append to a partition the topic does not have fails with notFound and writes nothing")
  func missingPartition() throws {
    let log = try KafkaMockLog(label: "missing-partition")
    let writer = try log.open(options: "partition=3", operationTimeout: .seconds(10))
    let error = try #require(throws: RecordLogError.self) { try writer.append(NewRecord(text: "lost")) }
    #expect(error.kind == .notFound)
    #expect(error.message.contains("partition 3"))
    #expect(error.message.contains("none of them was appended"))
    #expect(try log.open().endPosition() == 0)
  }

  @Test(
    "a broker that goes down and comes back mid-append loses and duplicates nothing",
    arguments: [false, true])
  func brokerOutage(claimed: Bool) async throws {
    let log = try KafkaMockLog(label: claimed ? "outage-claimed" : "outage")
    let batchCount = 40
    let batchSize = 25
    let total = batchCount * batchSize
    let batchesAppended = Atomic<Int>(0)
    let writing = Task {
      try await onThread {
        let writer = try log.open()
        if claimed { try writer.claimWriter() }
        var positions: [Int64] = []
        for batch in 0..<batchCount {
          positions += try writer.append((0..<batchSize).map { NewRecord(text: "\(batch)/\($0)") })
          batchesAppended.add(1, ordering: .relaxed)
        }
        return positions
      }
    }
    // A tailer that was reading before the outage must carry on after it.
    let tailing = Task {
      try await onThread {
        let reader = try log.open()
        var records: [LogRecord] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while records.count < total, ContinuousClock.now < deadline {
          let next = records.last.map { $0.position + 1 } ?? 0
          records += try reader.read(from: next, max: 100, waitingUpTo: .milliseconds(200))
        }
        return records
      }
    }

    while batchesAppended.load(ordering: .relaxed) < 10 { try await Task.sleep(for: .milliseconds(2)) }
    try log.cluster.setBrokerDown(1)
    // Long enough for the clients to notice and start retrying; not an assertion about timing.
    try await Task.sleep(for: .milliseconds(600))
    try log.cluster.setBrokerUp(1)

    let positions = try await writing.value
    let tailed = try await tailing.value
    let expected = (0..<batchCount).flatMap { batch in (0..<batchSize).map { "\(batch)/\($0)" } }
    let records = try log.open().read(from: 0, max: ReadLimit(records: total + 10))
    #expect(records.map(\.text) == expected)
    #expect(records.map(\.position) == positions)
    #expect(tailed.map(\.text) == expected)
    #expect(tailed.map(\.position) == positions)
  }
}
