import RecordLog
import Testing

@Suite("SQLiteLogConnection tailing")
struct SQLiteLogConnectionTailTests {
  /// Another process cannot signal this one: the tailer must find the append by polling.
  @Test("a tailer sees a record another process appends")
  func tailSeesAnotherProcess() async throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    _ = try log.open()
    let path = log.path
    let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
    async let tailed = onThread {
      let reader = try SQLiteLogConnection(path: path, options: .init(createIfMissing: false))
      startedContinuation.yield()
      return try reader.read(from: 0, max: 10, waitingUpTo: .seconds(60))
    }
    for await _ in started { break }
    try await Task.sleep(for: .milliseconds(20))
    try sqlite3(path, "INSERT INTO records VALUES (0, 7, NULL, CAST('from afar' AS BLOB), NULL);")
    let records = try await tailed
    #expect(records.map(\.text) == ["from afar"])
    #expect(records.map(\.timestampMilliseconds) == [7])
  }

  @Test("a wait that ends with nothing new returns nothing")
  func waitEndsEmpty() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open()
    try connection.append(NewRecord(text: "old"))
    #expect(try connection.read(from: 1, max: 10, waitingUpTo: .milliseconds(30)).isEmpty)
    #expect(try connection.read(from: 1, max: 10, waitingUpTo: .zero).isEmpty)
    #expect(try connection.read(from: 0, max: 10, waitingUpTo: .zero).map(\.text) == ["old"])
  }
}
