import Foundation
import RecordLog
import Testing
import TradelogTestSupport

@Suite("SQLiteLogConnection appending")
struct SQLiteLogConnectionAppendTests {
  @Test("records are stored in the documented columns and header encoding")
  func storedLayout() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open(clock: ManualLogClock(1_700_000_000_001))
    try connection.append([
      NewRecord(
        key: Array("k".utf8), value: Array("hello".utf8),
        headers: [RecordHeader(name: "content-type", text: "application/json")]),
      NewRecord(
        value: [], headers: [RecordHeader(name: "a", value: []), RecordHeader(name: "a", value: [7])]),
      NewRecord(key: [], value: [1]),
    ])
    let rows = try sqlite3(
      log.path,
      "SELECT position, timestamp, quote(key), quote(value), quote(headers) FROM records ORDER BY position;")
    #expect(
      rows == """
        0|1700000000001|X'6B'|X'68656C6C6F'|X'0000000C636F6E74656E742D747970650000001061707\
        06C69636174696F6E2F6A736F6E'
        1|1700000000001|NULL|X''|X'0000000161000000000000000161000000010\
        7'
        2|1700000000001|X''|X'01'|NULL

        """)
  }

  @Test("a batch that fails midway leaves nothing, and positions stay gapless after it")
  func failedBatchLeavesNothing() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open()
    try connection.append(NewRecord(text: "first"))
    // Another process adds a rule that refuses one value, so the third insert of the batch fails.
    try sqlite3(
      log.path,
      """
      CREATE TRIGGER refuse_poison BEFORE INSERT ON records WHEN NEW.value = CAST('poison' AS BLOB)
      BEGIN SELECT RAISE(ABORT, 'poison record refused'); END;
      """)
    let batch = ["b", "c", "poison", "d"].map { NewRecord(text: $0) }
    let error = try #require(throws: RecordLogError.self) { try connection.append(batch) }
    #expect(error.kind == .storageFailed)
    #expect(error.message.contains("poison record refused"))
    #expect(try connection.endPosition() == 1)
    #expect(try sqlite3(log.path, "SELECT count(*) FROM records;") == "1\n")

    try sqlite3(log.path, "DROP TRIGGER refuse_poison;")
    #expect(try connection.append([NewRecord(text: "e"), NewRecord(text: "f")]) == [1, 2])
    #expect(try connection.read(from: 0, max: 10).map(\.text) == ["first", "e", "f"])
  }

  @Test("an append waiting too long for another process's lock fails as busy and writes nothing")
  func busyAppend() async throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    _ = try log.open()
    let holder = try await SQLite3Session(
      path: log.path, in: log.directory,
      before: """
        BEGIN IMMEDIATE;
        INSERT INTO records (position, timestamp, value) VALUES (0, 1, CAST('held' AS BLOB));
        """,
      after: "COMMIT;")

    let impatient = try log.open(options: .init(busyTimeoutMilliseconds: 50))
    let error = try #require(throws: RecordLogError.self) { try impatient.append(NewRecord(text: "mine")) }
    #expect(error.kind == .busy)
    #expect(error.message.contains("retry"))
    // WAL: readers are not blocked by the writer, and do not see its uncommitted record.
    #expect(try impatient.endPosition() == 0)

    try await holder.finish()
    #expect(try impatient.append(NewRecord(text: "mine")) == 1)
    #expect(try impatient.read(from: 0, max: 10).map(\.text) == ["held", "mine"])
  }

  /// Threads with their own connections, and a separate sqlite3 process appending the same way
  /// (BEGIN IMMEDIATE, next position = last + 1), all at once.
  @Test("appends from threads and from another process interleave without gaps or losses")
  func appendsFromThreadsAndAnotherProcess() async throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    _ = try log.open()
    let path = log.path
    let processAppends = 200
    let threadCount = 3
    let batchCount = 100
    let batchSize = 10
    let script = (0..<processAppends).map { index in
      """
      BEGIN IMMEDIATE;
      INSERT INTO records (position, timestamp, value)
        SELECT coalesce(max(position) + 1, 0),
          coalesce((SELECT timestamp FROM records ORDER BY position DESC LIMIT 1), 0),
          CAST('process/\(index)' AS BLOB)
        FROM records;
      COMMIT;
      """
    }.joined(separator: "\n")
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await onThread { _ = try sqlite3(path, script) } }
      for thread in 0..<threadCount {
        group.addTask {
          try await onThread {
            let clock = ManualLogClock()
            let connection = try SQLiteLogConnection(
              path: path, options: .init(synchronous: .normal), clock: clock)
            for batch in 0..<batchCount {
              clock.set(2_000_000 + Int64(batch))
              try connection.append((0..<batchSize).map { NewRecord(text: "\(thread)/\(batch)/\($0)") })
            }
          }
        }
      }
      try await group.waitForAll()
    }

    let total = processAppends + threadCount * batchCount * batchSize
    let records = try log.open().read(from: 0, max: ReadLimit(records: total + 10))
    #expect(records.count == total)
    #expect(records.map(\.position) == Array(0..<Int64(total)))
    #expect(Set(records.map(\.text)).count == total)
    #expect(
      records.filter { $0.text.hasPrefix("process/") }.map(\.text)
        == (0..<processAppends).map { "process/\($0)" })
    let timestamps = records.map(\.timestampMilliseconds)
    #expect(zip(timestamps, timestamps.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test("an unclaimed connection appends whatever the writer epoch")
  func unclaimedConnectionIsNotFenced() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let producer = try log.open()
    let writer = try log.open()
    try writer.claimWriter()
    try log.open().claimWriter()
    #expect(try producer.append(NewRecord(text: "command")) == 0)
    #expect(throws: RecordLogError.self) { try writer.append(NewRecord(text: "event")) }
    #expect(try producer.endPosition() == 1)
  }
}
