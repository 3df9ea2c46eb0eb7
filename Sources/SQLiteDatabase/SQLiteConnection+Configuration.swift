import CSQLite

extension SQLiteConnection {
  /// Applies every option explicitly and reads each back: a setting SQLite silently did not take
  /// (WAL on a filesystem without shared memory, an in-memory database) fails the open instead of
  /// surfacing later as lost durability or a blocked writer.
  func configure() throws(SQLiteError) {
    // First, so the pragmas below wait for a lock held by another process instead of failing.
    let result = sqlite3_busy_timeout(handle.pointer, options.busyTimeoutMilliseconds)
    guard result == SQLITE_OK else {
      throw SQLiteError(database: handle.pointer, resultCode: result, sql: nil)
    }

    // journal_mode is a property of the file, not of the connection: a read-only connection cannot
    // change it, only check that a writer did.
    let journalSQL = options.readOnly ? "PRAGMA journal_mode" : "PRAGMA journal_mode=WAL"
    try verifySetting(
      journalSQL, returns: "wal", because: "the log needs WAL: readers must not block the writer")
    try verifySetting(
      "PRAGMA synchronous=\(options.synchronous.pragmaName)", then: "PRAGMA synchronous",
      returns: String(options.synchronous.rawValue), because: "commit durability depends on it")
    try verifySetting(
      "PRAGMA foreign_keys=\(options.foreignKeys ? "ON" : "OFF")", then: "PRAGMA foreign_keys",
      returns: options.foreignKeys ? "1" : "0", because: "foreign key checks depend on it")
  }

  /// What this connection runs with, for the log line a service prints at start.
  public var configurationDescription: String {
    let version = String(cString: sqlite3_libversion())
    let access = options.readOnly ? "read-only" : "read-write"
    return
      "sqlite \(version) \(path) \(access) journal_mode=wal synchronous=\(options.synchronous.pragmaName) "
      + "busy_timeout=\(options.busyTimeoutMilliseconds)ms foreign_keys=\(options.foreignKeys ? "on" : "off") "
      + "threading=multi-thread (NOMUTEX, one owner per connection)"
  }

  private func verifySetting(
    _ setSQL: String, then readSQL: String? = nil, returns expected: String, because reason: String
  ) throws(SQLiteError) {
    let setValue = try firstValue(setSQL)
    let value = try readSQL.map { (sql) throws(SQLiteError) in try firstValue(sql) } ?? setValue
    guard value?.lowercased() == expected else {
      throw SQLiteError.wrapper(
        "\(readSQL ?? setSQL) is \(value ?? "nothing"), expected \(expected): \(reason). "
          + "Check that \(path) is a file on a local filesystem",
        sql: setSQL, code: SQLITE_ERROR)
    }
  }

  /// The first column of the first row as text, for PRAGMA results.
  private func firstValue(_ sql: String) throws(SQLiteError) -> String? {
    let statement = try prepare(sql)
    guard try statement.step() else { return nil }
    return statement.isNull(at: 0) ? nil : statement.text(at: 0)
  }
}
