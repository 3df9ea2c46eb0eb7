import CSQLite
import SQLiteDatabase
import Testing

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
  // Extended codes are C macros built with shifts, which do not import: the values are SQLite's.
  static let constraintPrimaryKey: Int32 = 1555  // SQLITE_CONSTRAINT_PRIMARYKEY
  static let constraintForeignKey: Int32 = 787  // SQLITE_CONSTRAINT_FOREIGNKEY

  @Test("opening sets and reports WAL, synchronous FULL, the busy timeout and foreign keys")
  func defaultOptionsAreApplied() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    let journalMode = try connection.prepare("PRAGMA journal_mode")
    #expect(try journalMode.step())
    #expect(journalMode.text(at: 0) == "wal")
    #expect(try connection.integer("PRAGMA synchronous") == 2)
    #expect(try connection.integer("PRAGMA foreign_keys") == 1)
    #expect(try connection.integer("PRAGMA busy_timeout") == 5_000)
    let description = connection.configurationDescription
    #expect(description.contains("journal_mode=wal"))
    #expect(description.contains("synchronous=FULL"))
    #expect(description.contains("busy_timeout=5000ms"))
  }

  @Test("other options are applied as given")
  func optionsAreApplied() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let options = SQLiteConnection.Options(
      synchronous: .normal, busyTimeoutMilliseconds: 250, foreignKeys: false)
    let connection = try SQLiteConnection(path: database.path, options: options)
    #expect(try connection.integer("PRAGMA synchronous") == 1)
    #expect(try connection.integer("PRAGMA foreign_keys") == 0)
    #expect(try connection.integer("PRAGMA busy_timeout") == 250)
  }

  @Test("a database that cannot use WAL is refused at open")
  func inMemoryDatabaseIsRefused() throws {
    let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: ":memory:") }
    #expect(error.message.contains("expected wal"))
  }

  @Test("a missing file is an error when it may not be created")
  func missingFileIsAnError() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let error = try #require(throws: SQLiteError.self) {
      try SQLiteConnection(path: database.path, options: .init(createIfMissing: false))
    }
    #expect(error.code == SQLITE_CANTOPEN)
  }

  @Test("a read-only connection reads, refuses writes, and requires WAL")
  func readOnlyConnection() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let writer = try SQLiteConnection(path: database.path)
    try writer.execute("CREATE TABLE entries(value INTEGER); INSERT INTO entries VALUES (42);")
    let reader = try SQLiteConnection(path: database.path, options: .init(readOnly: true))
    #expect(try reader.integer("SELECT value FROM entries") == 42)
    let error = try #require(throws: SQLiteError.self) {
      try reader.execute("INSERT INTO entries VALUES (1)")
    }
    #expect(error.code == SQLITE_READONLY)
    #expect(reader.configurationDescription.contains("read-only"))
  }

  @Test("execute runs a script of several statements")
  func executeRunsScripts() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute(
      """
      CREATE TABLE entries(id INTEGER PRIMARY KEY, value INTEGER);
      INSERT INTO entries(value) VALUES (1), (2), (3);
      UPDATE entries SET value = value * 10;
      """)
    #expect(connection.changes == 3)
    #expect(connection.lastInsertRowID == 3)
    #expect(try connection.integer("SELECT sum(value) FROM entries") == 60)
  }

  @Test("an SQL error carries the codes, SQLite's message and the SQL")
  func errorsCarryCodeAndMessage() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    let missing = try #require(throws: SQLiteError.self) { try connection.prepare("SELECT * FROM missing") }
    #expect(missing.code == SQLITE_ERROR)
    #expect(missing.message == "no such table: missing")
    #expect(missing.sql == "SELECT * FROM missing")
    #expect(!missing.isBusy)
    #expect(missing.description.contains("no such table: missing"))

    try connection.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY)")
    let insert = "INSERT INTO entries(id) VALUES (1)"
    try connection.execute(insert)
    let duplicate = try #require(throws: SQLiteError.self) { try connection.execute(insert) }
    #expect(duplicate.code == SQLITE_CONSTRAINT)
    #expect(duplicate.extendedCode == Self.constraintPrimaryKey)
    #expect(duplicate.message.contains("UNIQUE constraint failed: entries.id"))
    #expect(duplicate.sql == insert)
  }

  @Test("foreign keys are enforced")
  func foreignKeysAreEnforced() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute(
      """
      CREATE TABLE accounts(id INTEGER PRIMARY KEY);
      CREATE TABLE orders(id INTEGER PRIMARY KEY, account INTEGER NOT NULL REFERENCES accounts(id));
      """)
    let error = try #require(throws: SQLiteError.self) {
      try connection.execute("INSERT INTO orders(account) VALUES (7)")
    }
    #expect(error.extendedCode == Self.constraintForeignKey)
  }

  @Test("prepare takes exactly one statement")
  func prepareTakesOneStatement() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    _ = try connection.prepare("SELECT 1; -- a trailing comment is fine")
    let two = try #require(throws: SQLiteError.self) { try connection.prepare("SELECT 1; SELECT 2") }
    #expect(two.code == SQLITE_MISUSE)
    #expect(two.message.contains("more than one statement"))
    let none = try #require(throws: SQLiteError.self) { try connection.prepare("  -- nothing") }
    #expect(none.message.contains("no statement"))
  }

  @Test("a cached statement is prepared once and starts each use reset, with no bindings")
  func cachedStatementsAreReused() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    let sql = "SELECT ?1 IS NULL"
    let first = try connection.withCachedStatement(sql) { statement in
      try statement.bind(5, at: 1)
      #expect(try statement.step())
      #expect(statement.int64(at: 0) == 0)
      return ObjectIdentifier(statement)
    }
    let second = try connection.withCachedStatement(sql) { statement in
      #expect(try statement.step())
      #expect(statement.int64(at: 0) == 1, "the binding of the previous use must be gone")
      // The same SQL used inside the first use gets a statement of its own.
      let nested = try connection.withCachedStatement(sql) { ObjectIdentifier($0) }
      #expect(nested != ObjectIdentifier(statement))
      return ObjectIdentifier(statement)
    }
    #expect(first == second)
  }

  @Test("a statement keeps working after its connection is released")
  func statementOutlivesConnection() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    var connection: SQLiteConnection? = try SQLiteConnection(path: database.path)
    try connection?.execute("CREATE TABLE entries(value INTEGER); INSERT INTO entries VALUES (9);")
    let statement = try #require(try connection?.prepare("SELECT value FROM entries"))
    connection = nil
    #expect(try statement.step())
    #expect(statement.int64(at: 0) == 9)
  }
}
