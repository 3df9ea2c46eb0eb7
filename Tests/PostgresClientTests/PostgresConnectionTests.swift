import PostgresClient
import Testing

@Suite struct PostgresConnectionTests {
  @Test func parameterizedStatementsBindTextNullAndUnicode() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("parameters")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id bigint PRIMARY KEY, name text, note text)")
    let unicode = "Zürich – 東京 🚀"
    let awkward = "O'Brien; DROP TABLE x; -- \\ \"quoted\"\ttab"

    let insert = try connection.execute(
      "INSERT INTO \(table) (id, name, note) VALUES ($1, $2, $3), ($4, $5, $6)",
      parameters: ["1", unicode, nil, "2", awkward, ""])
    #expect(insert.affectedRowCount == 2)

    let result = try connection.execute(
      "SELECT id, name, note FROM \(table) WHERE id >= $1 ORDER BY id", parameters: ["1"])
    #expect(result.columnNames == ["id", "name", "note"])
    #expect(result.count == 2)
    #expect(try result[0].int64("id") == 1)
    #expect(result[0]["name"] == unicode)
    #expect(result[0]["note"] == nil)
    #expect(try result[1].int64(at: 0) == 2)
    #expect(result[1][1] == awkward)
    #expect(result[1]["note"] == "")
  }

  @Test func nullParameterMatchesIsNullButNotEquality() throws {
    let connection = try TestDatabase.connect()
    let result = try connection.execute(
      "SELECT $1::text IS NULL AS is_null, ($1::text = 'x') IS NULL AS comparison_is_null",
      parameters: [nil])
    #expect(result[0]["is_null"] == "t")
    #expect(result[0]["comparison_is_null"] == "t")
  }

  @Test func uniqueViolationCarriesSQLStateAndServerMessage() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("unique")
    try connection.execute("CREATE TEMPORARY TABLE \(table) (id bigint PRIMARY KEY)")
    try connection.execute("INSERT INTO \(table) VALUES ($1)", parameters: ["7"])

    let error = try #require(throws: PostgresError.self) {
      try connection.execute("INSERT INTO \(table) VALUES ($1)", parameters: ["7"])
    }
    guard case .server(let serverError) = error else {
      Issue.record("expected a server error, got \(error)")
      return
    }
    #expect(error.sqlState == "23505")
    #expect(serverError.severity == "ERROR")
    #expect(serverError.message.contains("duplicate key value violates unique constraint"))
    #expect(serverError.detail == "Key (id)=(7) already exists.")
    #expect(serverError.constraint == "\(table)_pkey")
    #expect(!error.isConnectionError)
    // The failed statement leaves the connection usable.
    #expect(try connection.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 1)
  }

  @Test func syntaxErrorCarriesItsSQLState() throws {
    let connection = try TestDatabase.connect()
    let error = try #require(throws: PostgresError.self) { try connection.execute("SELEC 1") }
    #expect(error.sqlState == "42601")
    #expect(error.description.contains("syntax error"))
  }

  @Test func terminatedBackendMakesNextCallThrowConnectionLost() throws {
    let victim = try TestDatabase.connect()
    let administrator = try TestDatabase.connect()
    #expect(try victim.execute("SELECT 1")[0][0] == "1")

    // The timeout argument makes pg_terminate_backend wait until the backend has exited.
    let terminated = try administrator.execute(
      "SELECT pg_terminate_backend($1::int, 10000)", parameters: [String(victim.backendProcessID)])
    #expect(terminated[0][0] == "t")

    let error = try #require(throws: PostgresError.self) { try victim.execute("SELECT 1") }
    guard case .connectionLost = error else {
      Issue.record("expected connectionLost, got \(error)")
      return
    }
    #expect(!victim.isConnected)
    // Every later call fails the same way instead of touching the dead socket.
    let second = try #require(throws: PostgresError.self) {
      try victim.execute("SELECT $1::int", parameters: ["1"])
    }
    #expect(second.isConnectionError)
    #expect(try administrator.execute("SELECT 2")[0][0] == "2")
  }

  @Test func refusedPortIsConnectionFailure() throws {
    let error = try #require(throws: PostgresError.self) {
      try PostgresConnection(url: TestDatabase.refusedURL)
    }
    guard case .connectionFailed(let message) = error else {
      Issue.record("expected connectionFailed, got \(error)")
      return
    }
    #expect(message.contains("refused"))
  }

  @Test func malformedURLIsConnectionFailure() throws {
    let error = try #require(throws: PostgresError.self) {
      try PostgresConnection(url: "postgresql://postgres@127.0.0.1:notaport/postgres")
    }
    guard case .connectionFailed(let message) = error else {
      Issue.record("expected connectionFailed, got \(error)")
      return
    }
    #expect(message.contains("port"))
  }

  @Test func nulCharacterInParameterIsRejectedBeforeSending() throws {
    let connection = try TestDatabase.connect()
    let error = try #require(throws: PostgresError.self) {
      try connection.execute("SELECT $1::text, $2::text", parameters: ["fine", "cut\0short"])
    }
    guard case .nulCharacterInParameter(let index) = error else {
      Issue.record("expected nulCharacterInParameter, got \(error)")
      return
    }
    #expect(index == 1)
  }

  @Test func nonIntegerValueIsNotConvertible() throws {
    let connection = try TestDatabase.connect()
    let result = try connection.execute("SELECT 'twelve'::text AS amount, NULL::bigint AS missing")
    #expect(throws: PostgresError.self) { try result[0].int64("amount") }
    #expect(try result[0].int64("missing") == nil)
  }

  @Test func commandsWithoutRowsReportTheirTag() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("tags")
    let create = try connection.execute("CREATE TEMPORARY TABLE \(table) (id int)")
    #expect(create.commandTag == "CREATE TABLE")
    #expect(create.isEmpty)
    #expect(create.affectedRowCount == 0)
    try connection.execute("INSERT INTO \(table) SELECT generate_series(1, 5)")
    let delete = try connection.execute("DELETE FROM \(table) WHERE id > $1", parameters: ["2"])
    #expect(delete.commandTag == "DELETE 3")
    #expect(delete.affectedRowCount == 3)
  }
}
