import RecordLog
import Testing

@Suite("SQLiteLogConnection reading")
struct SQLiteLogConnectionReadTests {
  @Test("records written by another program in the documented layout read back")
  func readsDocumentedLayout() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open()
    try sqlite3(
      log.path,
      """
      INSERT INTO records VALUES
        (0, 42, NULL, CAST('plain' AS BLOB), NULL),
        (1, 43, X'6B', X'', X'0000000161000000027A7A');
      """)
    let records = try connection.read(from: 0, max: 10)
    #expect(
      records == [
        LogRecord(position: 0, timestampMilliseconds: 42, key: nil, value: Array("plain".utf8), headers: []),
        LogRecord(
          position: 1, timestampMilliseconds: 43, key: [0x6B], value: [],
          headers: [RecordHeader(name: "a", text: "zz")]),
      ])
  }

  @Test("headers that are not in the documented encoding are reported as damage at their position")
  func damagedHeaders() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open()
    try connection.append([NewRecord(text: "fine"), NewRecord(text: "damaged")])
    // A name length of 16 with one byte after it.
    try sqlite3(log.path, "UPDATE records SET headers = X'0000001041' WHERE position = 1;")
    #expect(try connection.read(from: 0, max: 1).map(\.text) == ["fine"])
    let error = try #require(throws: RecordLogError.self) { try connection.read(from: 0, max: 10) }
    #expect(error.kind == .corrupt)
    #expect(error.message.contains("position 1"))
  }

  @Test("a header name that is not UTF-8 is reported as damage")
  func headerNameNotUTF8() throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let connection = try log.open()
    try sqlite3(log.path, "INSERT INTO records VALUES (0, 1, NULL, X'', X'00000001FF00000000');")
    let error = try #require(throws: RecordLogError.self) { try connection.read(from: 0, max: 10) }
    #expect(error.kind == .corrupt)
  }
}
