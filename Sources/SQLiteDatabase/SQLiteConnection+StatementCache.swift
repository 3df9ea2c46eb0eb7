extension SQLiteConnection {
  /// Runs `body` with a prepared statement for `sql`, prepared once per connection and reused.
  ///
  /// The statement is reset and its bindings cleared after `body`, so it never holds a read snapshot
  /// open or carries values into the next use. If `body` uses the same SQL again (re-entrantly), the
  /// inner use gets a fresh statement rather than the one in use.
  public func withCachedStatement<Result>(
    _ sql: String, _ body: (SQLiteStatement) throws -> Result
  ) throws -> Result {
    let statement = try cachedStatement(sql)
    statement.isInUse = true
    defer {
      statement.reset()
      statement.clearBindings()
      statement.isInUse = false
    }
    return try body(statement)
  }

  private func cachedStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    if let cached = statementCache[sql] {
      if !cached.isInUse { return cached }
      return try SQLiteStatement(handle: handle, sql: sql, persistent: false)
    }
    let statement = try SQLiteStatement(handle: handle, sql: sql, persistent: true)
    if statementCache.count >= Self.statementCacheCapacity {
      // Dropping everything needs no eviction order; statements in use live on until released.
      statementCache.removeAll()
    }
    statementCache[sql] = statement
    return statement
  }
}
