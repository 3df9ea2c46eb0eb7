import CSQLite
import Foundation
import SQLiteDatabase
import Synchronization
import Testing

@Suite("SQLiteConnection transactions")
struct SQLiteConnectionTransactionTests {
  static let schema = "CREATE TABLE entries(id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)"

  @Test("a committed transaction persists across reopening")
  func commitPersists() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    do {
      let connection = try SQLiteConnection(path: database.path)
      try connection.execute(Self.schema)
      let returned = try connection.transaction {
        try connection.execute("INSERT INTO entries(amount) VALUES (10), (20), (30)")
        return connection.changes
      }
      #expect(returned == 3)
      #expect(!connection.isInTransaction)
    }
    let reopened = try SQLiteConnection(path: database.path)
    #expect(try reopened.integer("SELECT sum(amount) FROM entries") == 60)
  }

  @Test("a thrown error rolls back everything and is rethrown unchanged")
  func thrownErrorRollsBack() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute(Self.schema)
    try connection.execute("INSERT INTO entries(amount) VALUES (1)")
    #expect(throws: DeliberateFailure()) {
      try connection.transaction {
        try connection.execute("INSERT INTO entries(amount) VALUES (2), (3)")
        try connection.execute("UPDATE entries SET amount = 100")
        throw DeliberateFailure()
      }
    }
    #expect(!connection.isInTransaction)
    #expect(try connection.integer("SELECT count(*) FROM entries") == 1)
    #expect(try connection.integer("SELECT sum(amount) FROM entries") == 1)
    let reopened = try SQLiteConnection(path: database.path)
    #expect(try reopened.integer("SELECT sum(amount) FROM entries") == 1)
  }

  @Test("an SQL error inside the transaction rolls it back too")
  func sqlErrorRollsBack() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let connection = try SQLiteConnection(path: database.path)
    try connection.execute(Self.schema)
    let error = try #require(throws: SQLiteError.self) {
      try connection.transaction {
        try connection.execute("INSERT INTO entries(amount) VALUES (5)")
        try connection.execute("INSERT INTO entries(amount) VALUES (NULL)")
      }
    }
    #expect(error.code == SQLITE_CONSTRAINT)
    #expect(try connection.integer("SELECT count(*) FROM entries") == 0)
  }

  @Test("a writer waits for another's write transaction, then succeeds after its commit")
  func writerWaitsForBusyTimeout() async throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let first = try SQLiteConnection(path: database.path)
    try first.execute(Self.schema)
    try first.execute("BEGIN IMMEDIATE")
    try first.execute("INSERT INTO entries(amount) VALUES (1)")

    let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
    let path = database.path
    async let rowsSeenBySecond = onThread {
      let second = try SQLiteConnection(path: path, options: .init(busyTimeoutMilliseconds: 60_000))
      startedContinuation.yield()
      return try second.transaction {
        // Reading inside the transaction shows where it was ordered: after the first one's commit.
        let seen = try second.integer("SELECT count(*) FROM entries")
        try second.execute("INSERT INTO entries(amount) VALUES (2)")
        return seen
      }
    }
    for await _ in started { break }
    // Give the second connection time to block on the lock (no assertion rests on this duration).
    try await Task.sleep(for: .milliseconds(300))
    try first.execute("COMMIT")
    #expect(try await rowsSeenBySecond == 1)
    #expect(try first.integer("SELECT sum(amount) FROM entries") == 3)
  }

  @Test("with a busy timeout of 0 a second writer fails at once with a busy error")
  func zeroTimeoutFailsBusy() throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let first = try SQLiteConnection(path: database.path)
    try first.execute(Self.schema)
    let second = try SQLiteConnection(path: database.path, options: .init(busyTimeoutMilliseconds: 0))
    try first.transaction {
      try first.execute("INSERT INTO entries(amount) VALUES (1)")
      let error = try #require(throws: SQLiteError.self) {
        try second.transaction { try second.execute("INSERT INTO entries(amount) VALUES (2)") }
      }
      #expect(error.isBusy)
      #expect(error.code == SQLITE_BUSY)
      #expect(error.sql == "BEGIN IMMEDIATE")
      #expect(error.description.contains("busy timeout"))
      #expect(!second.isInTransaction)
    }
    // Readers are not blocked by a writer in WAL mode, even with no timeout.
    #expect(try second.integer("SELECT count(*) FROM entries") == 1)
  }

  @Test("a reader never sees a torn state while a writer appends, and sees monotonic progress")
  func readerSeesConsistentSnapshots() async throws {
    let database = try TestDatabase()
    defer { database.remove() }
    let setup = try SQLiteConnection(path: database.path)
    try setup.execute(
      """
      \(Self.schema);
      CREATE TABLE totals(row_count INTEGER NOT NULL, amount_sum INTEGER NOT NULL);
      INSERT INTO totals VALUES (0, 0);
      """)
    let path = database.path
    let transactionCount = 400
    let progress = ReaderWriterProgress()
    async let written: Void = onThread {
      try Self.appendTransactions(path: path, count: transactionCount, progress: progress)
    }
    let snapshots = try await onThread { try Self.readUntilDone(path: path, progress: progress) }
    try await written
    let torn = snapshots.filter(\.isTorn)
    #expect(torn.count == 0, "\(torn.count) of \(snapshots.count) reads saw rows torn from their totals")
    let rowCounts = snapshots.map(\.rowCount)
    #expect(rowCounts == rowCounts.sorted(), "progress went backwards")
    #expect(rowCounts.last == Int64(transactionCount * 2))
    // The writer paused half way until the reader had read, so a state between start and end was seen.
    #expect(rowCounts.contains(Int64(transactionCount)))
  }

  /// Every transaction appends two rows and updates the totals row to match: a reader that sees the
  /// rows of a transaction without its totals (or the reverse) has read a torn state.
  private static func appendTransactions(path: String, count: Int, progress: ReaderWriterProgress) throws {
    defer { progress.writerFinished.store(true, ordering: .releasing) }
    // NORMAL: these are hundreds of commits, and durability across power loss is not what is tested.
    let writer = try SQLiteConnection(path: path, options: .init(synchronous: .normal))
    for transaction in 1...count {
      if transaction == count / 2 + 1 {
        let readsBefore = progress.reads.load(ordering: .acquiring)
        while progress.reads.load(ordering: .acquiring) < readsBefore + 1 {
          Thread.sleep(forTimeInterval: 0.001)
        }
      }
      try writer.transaction {
        try writer.withCachedStatement("INSERT INTO entries(amount) VALUES (?1), (?2)") { insert in
          try insert.bind(Int64(transaction), at: 1)
          try insert.bind(Int64(-2 * transaction), at: 2)
          try insert.execute()
        }
        try writer.withCachedStatement(
          "UPDATE totals SET row_count = row_count + 2, amount_sum = amount_sum + ?1"
        ) { update in
          try update.bind(Int64(-transaction), at: 1)
          try update.execute()
        }
      }
    }
  }

  /// What one read transaction saw. Checked by the test itself: expectations recorded on the reader's
  /// thread would not be attributed to the test.
  private struct Snapshot: Sendable {
    let rowCount: Int64
    let amountSum: Int64
    let totalsRowCount: Int64
    let totalsAmountSum: Int64

    var isTorn: Bool { rowCount != totalsRowCount || amountSum != totalsAmountSum }
  }

  private static func pair(_ connection: SQLiteConnection, _ sql: String) throws -> (Int64, Int64) {
    try connection.withCachedStatement(sql) { statement in
      _ = try statement.step()
      return (statement.int64(at: 0), statement.int64(at: 1))
    }
  }

  private static func readUntilDone(path: String, progress: ReaderWriterProgress) throws -> [Snapshot] {
    let reader = try SQLiteConnection(path: path, options: .init(readOnly: true))
    var snapshots: [Snapshot] = []
    while true {
      let writerWasDone = progress.writerFinished.load(ordering: .acquiring)
      // Each query is finished (reset) before the next: only the transaction keeps them on one snapshot.
      let snapshot = try reader.transaction(.deferred) {
        let rows = try Self.pair(reader, "SELECT count(*), coalesce(sum(amount), 0) FROM entries")
        let totals = try Self.pair(reader, "SELECT row_count, amount_sum FROM totals")
        return Snapshot(
          rowCount: rows.0, amountSum: rows.1, totalsRowCount: totals.0, totalsAmountSum: totals.1)
      }
      snapshots.append(snapshot)
      progress.reads.add(1, ordering: .releasing)
      if writerWasDone { return snapshots }
    }
  }
}

/// What the writer and reader threads tell each other.
final class ReaderWriterProgress: Sendable {
  let reads = Atomic<Int>(0)
  let writerFinished = Atomic<Bool>(false)
}
