import PostgresClient
import Testing

@Suite struct PostgresConnectionCopyTests {
  /// Values that COPY's text format must escape, placed at fixed ids among plain rows.
  static let awkwardNotes: [Int64: String?] = [
    17: "tab\there",
    4_242: "line\nbreak and\r\ncarriage return",
    31_337: "back\\slash \\N \\.",
    65_000: nil,
    99_999: "",
    100_000: "unicode 東京 🚀",
  ]

  static func note(for id: Int64) -> String? {
    if let note = awkwardNotes[id] { return note }
    return "note \(id)"
  }

  @Test func copiesHundredThousandRowsAndReadsThemBack() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("copy")
    try connection.execute(
      "CREATE TEMPORARY TABLE \(table) (id bigint PRIMARY KEY, quantity bigint NOT NULL, note text)")
    let rowCount: Int64 = 100_000
    var expectedQuantitySum: Int64 = 0

    let copied = try connection.copyIn("COPY \(table) (id, quantity, note) FROM STDIN") { writer in
      for id in 1...rowCount {
        let quantity = (id * 7_919) % 1_000 - 500
        expectedQuantitySum += quantity
        try writer.append([String(id), String(quantity), Self.note(for: id)])
      }
      #expect(writer.rowCount == Int(rowCount))
    }

    #expect(copied == Int(rowCount))
    let totals = try connection.execute(
      "SELECT count(*), sum(quantity), sum(id), count(*) FILTER (WHERE note IS NULL) FROM \(table)")
    #expect(try totals[0].int64(at: 0) == rowCount)
    #expect(try totals[0].int64(at: 1) == expectedQuantitySum)
    #expect(try totals[0].int64(at: 2) == rowCount * (rowCount + 1) / 2)
    #expect(try totals[0].int64(at: 3) == 1)
    for id in [1, 2, 50_000] + Self.awkwardNotes.keys.sorted() {
      let row = try connection.execute("SELECT note FROM \(table) WHERE id = $1", parameters: [String(id)])
      #expect(row[0]["note"] == Self.note(for: id), "note of id \(id)")
    }
  }

  @Test func copyOfRowsStoresEveryValueExactly() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("copy_rows")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id int, note text)")
    let notes: [String?] = ["plain", nil, "\\N", "a\tb\nc\\d\re", "", "O'Brien \"quoted\""]

    let copied = try connection.copyIn(
      "COPY \(table) (id, note) FROM STDIN",
      rows: notes.enumerated().map { [String($0.offset), $0.element] })

    #expect(copied == notes.count)
    let result = try connection.execute("SELECT note FROM \(table) ORDER BY id")
    #expect(result.map { $0["note"] } == notes)
  }

  @Test func malformedRowFailsWholeCopyAndKeepsConnection() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("copy_bad")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id bigint)")

    let error = try #require(throws: PostgresError.self) {
      try connection.copyIn("COPY \(table) (id) FROM STDIN", rows: [["1"], ["2"], ["three"], ["4"]])
    }

    #expect(error.sqlState == "22P02")  // invalid_text_representation
    #expect(error.description.contains("three"))
    #expect(try connection.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 0)
  }

  @Test func throwingWriterAbortsCopyAndRethrows() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("copy_abort")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id bigint)")

    #expect(throws: DeliberateFailure.self) {
      try connection.copyIn("COPY \(table) (id) FROM STDIN") { writer in
        for id in 1...10_000 { try writer.append([String(id)]) }
        throw DeliberateFailure()
      }
    }

    #expect(try connection.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 0)
  }

  /// The server goes away mid-COPY and the writer keeps sending megabytes into the dead socket:
  /// that must surface as a lost connection, never as SIGPIPE killing the process.
  @Test func backendTerminatedDuringCopyIsConnectionLost() throws {
    let connection = try TestDatabase.connect()
    let administrator = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("copy_lost")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id bigint, note text)")
    let padding = String(repeating: "x", count: 1_000)

    let error = try #require(throws: PostgresError.self) {
      try connection.copyIn("COPY \(table) (id, note) FROM STDIN") { writer in
        for id in 1...1_000 { try writer.append([String(id), padding]) }
        try administrator.execute(
          "SELECT pg_terminate_backend($1::int, 10000)", parameters: [String(connection.backendProcessID)])
        for id in 1_001...50_000 { try writer.append([String(id), padding]) }
      }
    }

    #expect(error.isConnectionError, "\(error)")
    #expect(!connection.isConnected)
  }

  @Test func copyIntoMissingTableIsServerError() throws {
    let connection = try TestDatabase.connect()
    let error = try #require(throws: PostgresError.self) {
      try connection.copyIn("COPY \(TestDatabase.uniqueName("missing")) FROM STDIN", rows: [["1"]])
    }
    #expect(error.sqlState == "42P01")  // undefined_table
    #expect(try connection.execute("SELECT 1")[0][0] == "1")
  }
}
