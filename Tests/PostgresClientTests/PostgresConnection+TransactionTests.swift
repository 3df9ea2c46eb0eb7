import PostgresClient
import Testing

@Suite struct PostgresConnectionTransactionTests {
  @Test func committedWorkIsVisibleToOtherConnections() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("commit")
    try connection.execute("CREATE TABLE \(table) (id bigint)")
    defer { _ = try? connection.execute("DROP TABLE \(table)") }

    let inserted = try connection.transaction { connection in
      try connection.execute("INSERT INTO \(table) SELECT generate_series(1, 3)").affectedRowCount
    }

    #expect(inserted == 3)
    let observer = try TestDatabase.connect()
    #expect(try observer.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 3)
  }

  @Test func throwingBodyRollsBackAndRethrows() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("rollback")
    try connection.execute("CREATE TABLE \(table) (id bigint)")
    defer { _ = try? connection.execute("DROP TABLE \(table)") }

    #expect(throws: DeliberateFailure.self) {
      try connection.transaction { connection in
        try connection.execute("INSERT INTO \(table) SELECT generate_series(1, 3)")
        throw DeliberateFailure()
      }
    }

    #expect(try connection.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 0)
    let observer = try TestDatabase.connect()
    #expect(try observer.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 0)
  }

  @Test func caughtStatementFailureMakesCommitThrowRolledBack() throws {
    let connection = try TestDatabase.connect()
    let table = TestDatabase.uniqueName("aborted")
    try connection.execute("CREATE TABLE \(table) (id bigint PRIMARY KEY)")
    defer { _ = try? connection.execute("DROP TABLE \(table)") }

    let error = try #require(throws: PostgresError.self) {
      try connection.transaction { connection in
        try connection.execute("INSERT INTO \(table) VALUES (1)")
        _ = try? connection.execute("INSERT INTO \(table) VALUES (1)")
      }
    }

    guard case .transactionRolledBack = error else {
      Issue.record("expected transactionRolledBack, got \(error)")
      return
    }
    #expect(try connection.execute("SELECT count(*) FROM \(table)")[0].int64(at: 0) == 0)
  }
}
