import CSQLite

/// A failed SQLite call: the result codes, SQLite's own message and the SQL that failed.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The primary result code, such as `SQLITE_BUSY` (5) or `SQLITE_CONSTRAINT` (19).
  public let code: Int32
  /// The extended result code, such as `SQLITE_BUSY_SNAPSHOT` (517) or
  /// `SQLITE_CONSTRAINT_PRIMARYKEY` (1555); equal to `code` when SQLite has nothing more specific.
  public let extendedCode: Int32
  /// What `sqlite3_errmsg` said, or what this wrapper found wrong.
  public let message: String
  /// The statement or script that failed, when there was one.
  public let sql: String?

  public init(code: Int32, extendedCode: Int32, message: String, sql: String?) {
    self.code = code
    self.extendedCode = extendedCode
    self.message = message
    self.sql = sql
  }

  /// Another connection holds a lock this one needs (`SQLITE_BUSY`, including `SQLITE_BUSY_SNAPSHOT`):
  /// the busy timeout ran out, or waiting could not help. Retry the whole transaction later.
  /// `SQLITE_LOCKED` is not included: it is a conflict inside this process (shared cache, or a table
  /// dropped while this connection reads it), which waiting does not resolve.
  public var isBusy: Bool { code == SQLITE_BUSY }

  /// SQLite's English name of the extended code, e.g. "database is locked".
  public var codeDescription: String { String(cString: sqlite3_errstr(extendedCode)) }

  public var description: String {
    var text = "SQLite error \(extendedCode) (\(codeDescription)): \(message)"
    if let sql { text += " in `\(sql)`" }
    if isBusy {
      text += "; another connection holds the database lock: raise the busy timeout or retry the transaction"
    }
    return text
  }

  /// The error SQLite recorded on `database` after a call returned `resultCode`.
  init(database: OpaquePointer, resultCode: Int32, sql: String?) {
    // Connections are opened with SQLITE_OPEN_EXRESCODE, so calls return extended codes; the low
    // byte of an extended code is its primary code.
    let extended = sqlite3_extended_errcode(database)
    self.init(
      code: resultCode & 0xFF, extendedCode: extended == SQLITE_OK ? resultCode : extended,
      message: String(cString: sqlite3_errmsg(database)), sql: sql)
  }

  /// A misuse this wrapper detected before SQLite could (SQLITE_MISUSE), or a setting SQLite did not
  /// take (SQLITE_ERROR).
  static func wrapper(_ message: String, sql: String?, code: Int32 = SQLITE_MISUSE) -> SQLiteError {
    SQLiteError(code: code, extendedCode: code, message: message, sql: sql)
  }
}
