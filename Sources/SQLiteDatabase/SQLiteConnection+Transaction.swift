import CSQLite

extension SQLiteConnection {
  /// How a transaction takes its locks.
  public enum TransactionKind: Sendable, Equatable {
    /// Takes no lock until the first read (then a snapshot) or write. Right for read-only
    /// transactions: in WAL mode a reader never waits for the writer.
    case deferred
    /// Takes the write lock at BEGIN. Right for every transaction that writes; see `transaction`.
    case immediate
    /// Like immediate in WAL mode (readers still proceed); in other journal modes it also locks
    /// readers out.
    case exclusive

    var beginSQL: String {
      switch self {
      case .deferred: "BEGIN DEFERRED"
      case .immediate: "BEGIN IMMEDIATE"
      case .exclusive: "BEGIN EXCLUSIVE"
      }
    }
  }

  /// Runs `body` in a transaction: COMMIT if it returns, ROLLBACK if it (or the COMMIT) throws, and
  /// the error is rethrown unchanged.
  ///
  /// Writers should use `.immediate`, the default. A deferred transaction starts as a reader and
  /// upgrades to a writer at its first write. In WAL mode, if another connection committed since
  /// this one's read snapshot began, the upgrade can never succeed: SQLite fails it at once with
  /// SQLITE_BUSY_SNAPSHOT (the busy timeout does not help), after the transaction has already done
  /// work, and the caller must start over. (In rollback-journal mode, two deferred writers holding
  /// read locks would deadlock, and one is failed.) BEGIN IMMEDIATE takes the write lock first, where
  /// the busy timeout applies and nothing has been done yet: a writer waits its turn at BEGIN and
  /// never fails half way for lock reasons.
  public func transaction<Result>(
    _ kind: TransactionKind = .immediate, _ body: () throws -> Result
  ) throws -> Result {
    try runCached(kind.beginSQL)
    do {
      let result = try body()
      try runCached("COMMIT")
      return result
    } catch {
      rollbackIfOpen()
      throw error
    }
  }

  /// Rolls back unless SQLite already did: some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY in a
  /// statement, SQLITE_NOMEM) end the transaction on their own, and a second ROLLBACK would fail.
  private func rollbackIfOpen() {
    guard isInTransaction else { return }
    // A failing ROLLBACK leaves nothing better to do: the error being thrown says what went wrong,
    // and closing the connection rolls back whatever is left.
    _ = try? runCached("ROLLBACK")
  }

  /// BEGIN, COMMIT and ROLLBACK run for every transaction: prepared once, not parsed each time.
  private func runCached(_ sql: String) throws {
    try withCachedStatement(sql) { statement in try statement.execute() }
  }
}
