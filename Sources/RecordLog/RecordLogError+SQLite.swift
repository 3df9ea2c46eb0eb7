import SQLiteDatabase

extension RecordLogError {
  // SQLite's primary result codes. CSQLite is imported by its wrapper only; these values are part
  // of SQLite's stable API.
  private static let sqliteBusy: Int32 = 5
  private static let sqliteCorrupt: Int32 = 11
  private static let sqliteFull: Int32 = 13
  private static let sqliteCannotOpen: Int32 = 14
  private static let sqliteNotADatabase: Int32 = 26

  /// What `error`, thrown while `operation` ran on the log at `path`, means for a user of the log.
  /// A `RecordLogError` passes through unchanged.
  static func sqlite(_ error: any Error, path: String, while operation: String) -> RecordLogError {
    if let error = error as? RecordLogError { return error }
    guard let error = error as? SQLiteError else {
      return RecordLogError(kind: .storageFailed, message: "\(operation) on sqlite:\(path) failed: \(error)")
    }
    let statement = error.sql.map { " in `\($0)`" } ?? ""
    let what = "\(operation) on sqlite:\(path) failed (SQLite: \(error.message)\(statement))"
    switch error.code {
    case sqliteBusy:
      return RecordLogError(
        kind: .busy,
        message: "\(what): another connection held the log's lock for longer than the busy timeout. "
          + "Nothing was written; retry, or raise the busy timeout")
    case sqliteNotADatabase:
      return RecordLogError(
        kind: .notALog,
        message: "\(what): the file is not an SQLite database, so not a log. Point the address at a "
          + "log file, or at a path that does not exist yet to create one")
    case sqliteCorrupt:
      return RecordLogError(
        kind: .corrupt, message: "\(what): the file is damaged. Restore the log from a copy")
    case sqliteFull:
      return RecordLogError(
        kind: .storageFailed, message: "\(what): the disk is full. Nothing was written; free space")
    case sqliteCannotOpen:
      return RecordLogError(
        kind: .storageFailed,
        message: "\(what): check that the directory exists and that this user may read and write it")
    default:
      return RecordLogError(kind: .storageFailed, message: "\(what): \(error)")
    }
  }
}
