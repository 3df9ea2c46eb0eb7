import Foundation
import RecordLog
import Testing

/// The log contract (`LogConnection`) as checks any backend must pass. A backend's suite builds one
/// per test over a fresh, empty log and calls one check per `@Test`.
struct LogConnectionContract: Sendable {
  /// What a backend promises beyond the common contract.
  struct Guarantees: Sendable {
    /// Positions are 0, 1, 2, ... with no gaps (the embedded log; Kafka's commit markers take
    /// offsets of their own).
    var gaplessPositions: Bool
    /// The log stamps `max(clock, last timestamp)`, so timestamps never decrease in position order.
    var nonDecreasingTimestamps: Bool
  }

  /// Opens another connection to the same log, stamping appends with `clock`. The log is empty
  /// before the check's first append.
  let open: @Sendable (any LogClock) throws -> any LogConnection
  let guarantees: Guarantees

  func emptyLogHasNothingToRead() throws {
    let log = try open(ManualLogClock())
    #expect(try log.endPosition() == 0)
    #expect(try log.read(from: 0, max: 10).isEmpty)
    #expect(try log.read(from: 0, max: 10, waitingUpTo: .milliseconds(10)).isEmpty)
  }

  func appendReturnsTheAssignedPositions() throws {
    let log = try open(ManualLogClock())
    let first = try log.append([NewRecord(text: "a"), NewRecord(text: "b"), NewRecord(text: "c")])
    let second = try log.append([NewRecord(text: "d"), NewRecord(text: "e")])
    #expect(try log.append([]).isEmpty)
    let single = try log.append(NewRecord(text: "f"))
    let positions = first + second + [single]
    if guarantees.gaplessPositions {
      #expect(positions == Array(0...5))
      #expect(try log.endPosition() == 6)
    } else {
      #expect(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 })
      #expect(try log.endPosition() > positions.last!)
    }
    #expect(try log.read(from: 0, max: 100).map(\.text) == ["a", "b", "c", "d", "e", "f"])
  }

  /// Keys (none, empty, bytes), values (empty, binary, larger), headers (none, one, a repeated
  /// name, an empty value) come back exactly, in order, with the position and timestamp assigned.
  func readReturnsTheRecordsAsAppended() throws {
    let clock = ManualLogClock(1_700_000_000_123)
    let log = try open(clock)
    let appended = Self.variedRecords
    let positions = try log.append(appended)
    let expected = zip(positions, appended).map { position, record in
      LogRecord(
        position: position, timestampMilliseconds: 1_700_000_000_123, key: record.key, value: record.value,
        headers: record.headers)
    }
    #expect(try log.read(from: 0, max: 100) == expected)
    #expect(try log.read(from: positions[2], max: 100) == Array(expected[2...]))
    #expect(try log.read(from: positions[1], max: 2) == Array(expected[1...2]))
    let jsonRecord = try #require(try log.read(from: positions[2], max: 1).first)
    #expect(jsonRecord.header("content-type") == Array("application/json".utf8))
  }

  static let variedRecords: [NewRecord] = [
    NewRecord(value: []),
    NewRecord(key: [], value: [0, 255, 0, 1]),
    NewRecord(
      key: Array("account-7".utf8), value: Array(#"{"deposit":100}"#.utf8),
      headers: [RecordHeader(name: "content-type", text: "application/json")]),
    NewRecord(
      value: Array(repeating: 0xAB, count: 3_000),
      headers: [
        RecordHeader(name: "trace", text: "1"), RecordHeader(name: "empty", value: []),
        RecordHeader(name: "trace", text: "2"), RecordHeader(name: "naïve ✓", value: [0, 1, 2]),
      ]),
  ]

  func readHonoursItsLimits() throws {
    let log = try open(ManualLogClock())
    let records = (0..<10).map { NewRecord(value: Array(repeating: UInt8($0), count: 100)) }
    let positions = try log.append(records)
    #expect(try log.read(from: positions[0], max: 3).map(\.position) == Array(positions[0..<3]))
    let twoFit = try log.read(from: positions[0], max: ReadLimit(records: 10, bytes: 250))
    #expect(twoFit.map(\.position) == Array(positions[0..<2]))
    // A record larger than the byte limit is still returned alone, or the reader could never pass it.
    let oversized = try log.read(from: positions[4], max: ReadLimit(records: 10, bytes: 1))
    #expect(oversized.map(\.position) == [positions[4]])

    let zeroRecords = try #require(throws: RecordLogError.self) {
      try log.read(from: 0, max: ReadLimit(records: 0))
    }
    #expect(zeroRecords.kind == .invalidRequest)
    let zeroBytes = try #require(throws: RecordLogError.self) {
      try log.read(from: 0, max: ReadLimit(records: 1, bytes: 0))
    }
    #expect(zeroBytes.kind == .invalidRequest)
    let negative = try #require(throws: RecordLogError.self) { try log.read(from: -1, max: 10) }
    #expect(negative.kind == .invalidRequest)
    #expect(negative.message.contains("-1"))
  }

  func readingAtOrPastTheEndReturnsNothing() throws {
    let log = try open(ManualLogClock())
    try log.append([NewRecord(text: "a"), NewRecord(text: "b")])
    let end = try log.endPosition()
    #expect(try log.read(from: end, max: 10).isEmpty)
    #expect(try log.read(from: end + 1_000, max: 10).isEmpty)
    #expect(try log.read(from: end, max: 10, waitingUpTo: .milliseconds(10)).isEmpty)
    #expect(try log.read(from: 0, max: 10, waitingUpTo: .seconds(60)).map(\.text) == ["a", "b"])
  }

  /// A read that returns at once gives everything up to the end it finds (within its limit), even
  /// when it continues where the last read stopped and the records came in several appends: a
  /// projector catching up takes a short read for the end of the log.
  func aContinuingReadReachesTheEnd() throws {
    let reader = try open(ManualLogClock())
    let writer = try open(ManualLogClock())
    try writer.append([NewRecord(text: "first")])
    let first = try reader.read(from: 0, max: 10)
    #expect(first.map(\.text) == ["first"])
    let next = first[0].position + 1
    let texts = (0..<30).map { "record \($0)" }
    for text in texts { try writer.append([NewRecord(text: text)]) }
    #expect(try reader.read(from: next, max: 1_000).map(\.text) == texts)
  }

  /// A read that waits no time and continues where a limited read stopped returns the rest, as a
  /// read without a wait would: a sequencer's recovery replays the commands log this way, read
  /// after read.
  func aZeroWaitReadContinuesWhereTheLastStopped() throws {
    let reader = try open(ManualLogClock())
    let writer = try open(ManualLogClock())
    try writer.append(["a", "b", "c", "d", "e"].map { NewRecord(text: $0) })
    let first = try reader.read(from: 0, max: 2)
    #expect(first.map(\.text) == ["a", "b"])
    let rest = try reader.read(from: first[1].position + 1, max: 10, waitingUpTo: .zero)
    #expect(rest.map(\.text) == ["c", "d", "e"])
  }

  /// Preparing to read changes nothing a read returns, and after reading ahead stops, a read that
  /// continues, one from the start and one that waits all start over and return what they would
  /// have (a sequencer stops reading its events log after recovery and reads it again only to check
  /// for a newer writer's claim).
  func readsStartOverAfterReadingAheadStops() throws {
    let reader = try open(ManualLogClock())
    let writer = try open(ManualLogClock())
    reader.prepareToRead()
    try writer.append([NewRecord(text: "a"), NewRecord(text: "b")])
    let first = try reader.read(from: 0, max: 10)
    #expect(first.map(\.text) == ["a", "b"])
    reader.stopReadingAhead()
    let third = try writer.append(NewRecord(text: "c"))
    #expect(try reader.read(from: first[1].position + 1, max: 10).map(\.text) == ["c"])
    reader.stopReadingAhead()
    #expect(try reader.read(from: 0, max: 10).map(\.text) == ["a", "b", "c"])
    reader.stopReadingAhead()
    try writer.append(NewRecord(text: "d"))
    #expect(try reader.read(from: third + 1, max: 10, waitingUpTo: .seconds(60)).map(\.text) == ["d"])
  }

  /// A tailer blocked on another connection in another thread gets the whole batch when it lands.
  func tailWakesUpWhenAnotherConnectionAppends() async throws {
    let clock = ManualLogClock()
    let writer = try open(clock)
    try writer.append(NewRecord(text: "before"))
    let end = try writer.endPosition()
    let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
    let open = self.open
    async let tailed = onThread {
      let reader = try open(clock)
      startedContinuation.yield()
      return try reader.read(from: end, max: 10, waitingUpTo: .seconds(60))
    }
    for await _ in started { break }
    // Not needed for correctness: gives the tailer time to start waiting, so the wake-up is tested.
    try await Task.sleep(for: .milliseconds(20))
    let positions = try writer.append([NewRecord(text: "x"), NewRecord(text: "y"), NewRecord(text: "z")])
    let records = try await tailed
    #expect(records.map(\.position) == positions)
    #expect(records.map(\.text) == ["x", "y", "z"])
  }

  func timestampsComeFromTheClock() throws {
    let clock = ManualLogClock(5_000)
    let log = try open(clock)
    try log.append([NewRecord(text: "a"), NewRecord(text: "b")])
    clock.set(4_000)
    try log.append(NewRecord(text: "c"))
    clock.set(6_000)
    try log.append(NewRecord(text: "d"))
    let timestamps = try log.read(from: 0, max: 10).map(\.timestampMilliseconds)
    if guarantees.nonDecreasingTimestamps {
      #expect(timestamps == [5_000, 5_000, 5_000, 6_000])
    } else {
      #expect(timestamps == [5_000, 5_000, 4_000, 6_000])
    }
  }

  /// A claims, B claims, A is fenced (its batch leaves nothing), B goes on, and positions continue.
  func aSecondWriterFencesTheFirst() throws {
    let clock = ManualLogClock()
    let writerA = try open(clock)
    try writerA.claimWriter()
    let fromA = try writerA.append([NewRecord(text: "a1"), NewRecord(text: "a2")])
    let writerB = try open(clock)
    try writerB.claimWriter()
    let endBeforeFencedAppend = try writerA.endPosition()

    let fenced = try #require(throws: RecordLogError.self) {
      try writerA.append([NewRecord(text: "a3"), NewRecord(text: "a4"), NewRecord(text: "a5")])
    }
    #expect(fenced.kind == .fenced)
    #expect(fenced.message.contains("another writer"))
    #expect(try writerA.endPosition() == endBeforeFencedAppend)
    let fencedAgain = try #require(throws: RecordLogError.self) { try writerA.append(NewRecord(text: "a6")) }
    #expect(fencedAgain.kind == .fenced)

    let fromB = try writerB.append([NewRecord(text: "b1"), NewRecord(text: "b2")])
    if guarantees.gaplessPositions { #expect(fromA + fromB == Array(0...3)) }
    let records = try writerB.read(from: 0, max: 100)
    #expect(records.map(\.text) == ["a1", "a2", "b1", "b2"])
    #expect(records.map(\.position) == fromA + fromB)
  }

  /// Several threads, each with its own connection, append batches at once: every record is there
  /// exactly once, each thread's records keep their order, and the positions each was told are where
  /// its records are.
  func concurrentAppendersLoseNothing() async throws {
    let threadCount = 4
    let batchCount = 25
    let batchSize = 20
    let clock = ManualLogClock()
    let open = self.open
    let positionsByThread = try await withThrowingTaskGroup(of: (Int, [Int64]).self) { group in
      for thread in 0..<threadCount {
        group.addTask {
          try await onThread {
            let log = try open(clock)
            var positions: [Int64] = []
            for batch in 0..<batchCount {
              clock.set(1_000 + Int64(batch))
              let records = (0..<batchSize).map { NewRecord(text: "\(thread)/\(batch)/\($0)") }
              positions += try log.append(records)
            }
            return (thread, positions)
          }
        }
      }
      var positionsByThread = Array(repeating: [Int64](), count: threadCount)
      for try await (thread, positions) in group { positionsByThread[thread] = positions }
      return positionsByThread
    }

    let reader = try open(clock)
    let total = threadCount * batchCount * batchSize
    let records = try reader.read(from: 0, max: ReadLimit(records: total + 10))
    #expect(records.count == total)
    #expect(Set(records.map(\.text)).count == total)
    if guarantees.gaplessPositions { #expect(records.map(\.position) == Array(0..<Int64(total))) }
    if guarantees.nonDecreasingTimestamps {
      let timestamps = records.map(\.timestampMilliseconds)
      #expect(zip(timestamps, timestamps.dropFirst()).allSatisfy { $0 <= $1 })
    }
    let textByPosition = Dictionary(uniqueKeysWithValues: records.map { ($0.position, $0.text) })
    for (thread, positions) in positionsByThread.enumerated() {
      let expected = (0..<batchCount).flatMap { batch in (0..<batchSize).map { "\(thread)/\(batch)/\($0)" } }
      #expect(positions.map { textByPosition[$0] } == expected)
    }
  }
}
