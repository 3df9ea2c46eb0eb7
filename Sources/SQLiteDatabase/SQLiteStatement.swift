import CSQLite

/// One prepared SQL statement: bind parameters, step through rows, read columns, reset, reuse.
///
/// Parameters are numbered from 1, as in SQL's `?1`; columns from 0, as SQLite numbers them. Not
/// `Sendable`: it belongs to its connection's owner. Finalized exactly once, in `deinit`.
public final class SQLiteStatement {
  let handle: SQLiteDatabaseHandle
  /// The sqlite3_stmt this object owns.
  let pointer: OpaquePointer
  public let sql: String
  /// Set while `withCachedStatement` lends the statement out.
  var isInUse = false

  /// Prepares the first statement of `sql`; anything but whitespace and comments after it is an error
  /// (`execute` on the connection runs scripts). `persistent` tells SQLite the statement will be
  /// reused many times, so it allocates it outside its short-lived lookaside memory.
  init(handle: SQLiteDatabaseHandle, sql: String, persistent: Bool) throws(SQLiteError) {
    self.handle = handle
    self.sql = sql
    let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
    var pointer: OpaquePointer?
    var hasMoreStatements = false
    let result = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let result = sqlite3_prepare_v3(handle.pointer, text, -1, flags, &pointer, &tail)
      if result == SQLITE_OK, let tail { hasMoreStatements = Self.holdsStatement(tail, handle: handle) }
      return result
    }
    guard result == SQLITE_OK else {
      throw SQLiteError(database: handle.pointer, resultCode: result, sql: sql)
    }
    guard let pointer else {
      throw SQLiteError.wrapper("the SQL holds no statement (only whitespace or comments)", sql: sql)
    }
    self.pointer = pointer
    if hasMoreStatements {
      throw SQLiteError.wrapper(
        "the SQL holds more than one statement: prepare one at a time, or run a script with execute(_:)",
        sql: sql)
    }
  }

  deinit {
    sqlite3_finalize(pointer)
  }

  /// Whether `text` holds a statement rather than only whitespace and comments: preparing it is the
  /// only exact test (a trailing comment is fine, a second statement is not).
  private static func holdsStatement(_ text: UnsafePointer<CChar>, handle: SQLiteDatabaseHandle) -> Bool {
    guard text.pointee != 0 else { return false }
    var extra: OpaquePointer?
    let result = sqlite3_prepare_v2(handle.pointer, text, -1, &extra, nil)
    sqlite3_finalize(extra)
    return result != SQLITE_OK || extra != nil
  }

  /// Runs the statement to its next row: true when a row is ready to read, false when it is done.
  public func step() throws(SQLiteError) -> Bool {
    let result = sqlite3_step(pointer)
    switch result {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw SQLiteError(database: handle.pointer, resultCode: result, sql: sql)
    }
  }

  /// Steps until done, for statements run for their effect (INSERT, UPDATE, DDL); rows are skipped.
  public func execute() throws(SQLiteError) {
    while try step() {}
  }

  /// Rewinds for another run, keeping the bindings. Also ends the read snapshot a partly read
  /// SELECT holds. (sqlite3_reset repeats the last step's error, which `step` already threw.)
  public func reset() {
    sqlite3_reset(pointer)
  }

  /// Sets every parameter back to NULL.
  public func clearBindings() {
    sqlite3_clear_bindings(pointer)
  }

  /// The number of columns each row has.
  public var columnCount: Int { Int(sqlite3_column_count(pointer)) }

  public func columnName(at column: Int) -> String {
    precondition(column >= 0 && column < columnCount, "column \(column) is out of range")
    return String(cString: sqlite3_column_name(pointer, Int32(column)))
  }
}
