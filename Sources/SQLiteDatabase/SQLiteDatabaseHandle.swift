import CSQLite

/// The one owner of a `sqlite3*`: closes it exactly once, when the connection and every statement
/// prepared on it are gone.
///
/// Statements hold this handle rather than the connection so that the connection's statement cache
/// does not form a reference cycle, and so that a statement kept after its connection was released
/// still runs on an open database instead of on a closed one.
final class SQLiteDatabaseHandle {
  let pointer: OpaquePointer

  init(_ pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    // close_v2, unlike close, never fails with SQLITE_BUSY over unfinalized statements; by the time
    // this runs, every statement holding the handle has been finalized anyway.
    sqlite3_close_v2(pointer)
  }
}
