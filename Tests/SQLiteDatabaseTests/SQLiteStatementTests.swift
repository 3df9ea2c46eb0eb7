import SQLiteDatabase
import Testing

@Suite("SQLiteStatement")
struct SQLiteStatementTests {
  @Test("one statement, reset and rebound, inserts many rows in one transaction")
  func statementIsReusedForManyRows() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY, amount INTEGER, label TEXT)")
    let rowCount: Int64 = 20_000
    let insert = try connection.prepare("INSERT INTO entries(amount, label) VALUES (?1, ?2)")
    try connection.transaction {
      for index in 1...rowCount {
        insert.reset()
        try insert.bind(index * 3, at: 1)
        try insert.bind("row \(index)", at: 2)
        try insert.execute()
        #expect(connection.lastInsertRowID == index)
      }
    }
    #expect(try connection.integer("SELECT count(*) FROM entries") == rowCount)
    #expect(try connection.integer("SELECT sum(amount) FROM entries") == 3 * rowCount * (rowCount + 1) / 2)

    let select = try connection.prepare("SELECT id, amount, label FROM entries ORDER BY id")
    var expectedID: Int64 = 1
    while try select.step() {
      #expect(select.int64(at: 0) == expectedID)
      #expect(select.int64(at: 1) == expectedID * 3)
      #expect(select.text(at: 2) == "row \(expectedID)")
      expectedID += 1
    }
    #expect(expectedID == rowCount + 1)
  }

  @Test("blobs round trip: large, empty (not NULL) and NULL")
  func blobsRoundTrip() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute("CREATE TABLE blobs(id INTEGER PRIMARY KEY, data BLOB)")
    var generator = SystemRandomNumberGenerator()
    let large = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let insert = try connection.prepare("INSERT INTO blobs(id, data) VALUES (?1, ?2)")
    for (id, blob) in [(1, large), (2, [])] as [(Int64, [UInt8])] {
      insert.reset()
      try insert.bind(id, at: 1)
      try insert.bind(blob, at: 2)
      try insert.execute()
    }
    insert.reset()
    try insert.bind(3, at: 1)
    try insert.bindNull(at: 2)
    try insert.execute()

    let select = try connection.prepare("SELECT data, typeof(data) FROM blobs ORDER BY id")
    #expect(try select.step())
    #expect(select.blob(at: 0) == large)
    #expect(select.withBlob(at: 0) { $0.elementsEqual(large) })
    #expect(try select.step())
    #expect(select.text(at: 1) == "blob")
    #expect(!select.isNull(at: 0))
    #expect(select.blob(at: 0) == [])
    #expect(try select.step())
    #expect(select.isNull(at: 0))
    #expect(try !select.step())
  }

  @Test("text and real values round trip, and an empty string is not NULL")
  func textAndRealsRoundTrip() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    let statement = try connection.prepare("SELECT ?1, ?2, ?3 IS NULL, ?4")
    try statement.bind("héllo, wörld ✓", at: 1)
    try statement.bind(0.1 + 0.2, at: 2)
    try statement.bind("", at: 3)
    try statement.bind(Int64.min, at: 4)
    #expect(try statement.step())
    #expect(statement.text(at: 0) == "héllo, wörld ✓")
    #expect(statement.double(at: 1) == 0.1 + 0.2)
    #expect(statement.int64(at: 2) == 0)
    #expect(statement.int64(at: 3) == Int64.min)
    #expect(statement.columnCount == 4)
    #expect(statement.columnName(at: 3) == "?4")
  }

  @Test("a failing step throws with the statement's SQL")
  func stepErrorCarriesSQL() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute("CREATE TABLE entries(value INTEGER NOT NULL)")
    let insert = try connection.prepare("INSERT INTO entries(value) VALUES (?1)")
    let error = try #require(throws: SQLiteError.self) { try insert.execute() }
    #expect(error.message.contains("NOT NULL constraint failed"))
    #expect(error.sql == "INSERT INTO entries(value) VALUES (?1)")
  }
}
