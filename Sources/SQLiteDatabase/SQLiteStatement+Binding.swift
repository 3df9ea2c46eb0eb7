import CSQLite

extension SQLiteStatement {
  /// SQLITE_TRANSIENT: SQLite copies the bytes before the bind call returns, so Swift's buffer may
  /// go away. The C macro is `((sqlite3_destructor_type)-1)`, which does not import.
  private static var copyBytes: sqlite3_destructor_type {
    unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
  }

  public func bind(_ value: Int64, at parameter: Int) throws(SQLiteError) {
    try check(sqlite3_bind_int64(pointer, Int32(parameter), value))
  }

  public func bind(_ value: Int, at parameter: Int) throws(SQLiteError) {
    try bind(Int64(value), at: parameter)
  }

  public func bind(_ value: Double, at parameter: Int) throws(SQLiteError) {
    try check(sqlite3_bind_double(pointer, Int32(parameter), value))
  }

  public func bind(_ value: String, at parameter: Int) throws(SQLiteError) {
    var value = value
    let result = value.withUTF8 { utf8 in
      // An empty String may have no storage, and a NULL pointer would bind SQL NULL instead of ''.
      guard let base = utf8.baseAddress, !utf8.isEmpty else {
        return sqlite3_bind_text64(pointer, Int32(parameter), "", 0, Self.copyBytes, UInt8(SQLITE_UTF8))
      }
      return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
        sqlite3_bind_text64(
          pointer, Int32(parameter), text, UInt64(utf8.count), Self.copyBytes, UInt8(SQLITE_UTF8))
      }
    }
    try check(result)
  }

  /// Binds a blob, copied by SQLite during the call.
  public func bind(_ bytes: UnsafeRawBufferPointer, at parameter: Int) throws(SQLiteError) {
    // A NULL pointer would bind SQL NULL: an empty blob is bound as a zero-length blob instead.
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      try check(sqlite3_bind_zeroblob(pointer, Int32(parameter), 0))
      return
    }
    try check(sqlite3_bind_blob64(pointer, Int32(parameter), base, UInt64(bytes.count), Self.copyBytes))
  }

  public func bind(_ bytes: [UInt8], at parameter: Int) throws(SQLiteError) {
    try bytes.span.bytes.withUnsafeBytes { (buffer) throws(SQLiteError) in try bind(buffer, at: parameter) }
  }

  public func bindNull(at parameter: Int) throws(SQLiteError) {
    try check(sqlite3_bind_null(pointer, Int32(parameter)))
  }

  private func check(_ result: Int32) throws(SQLiteError) {
    guard result == SQLITE_OK else {
      throw SQLiteError(database: handle.pointer, resultCode: result, sql: sql)
    }
  }
}
