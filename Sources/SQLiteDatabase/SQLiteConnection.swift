import CSQLite

/// One connection to an SQLite database file in WAL mode, owned by one thread at a time.
///
/// Threading: the connection is opened with SQLITE_OPEN_NOMUTEX ("multi-thread" mode), so SQLite
/// takes no mutex on each call. That is safe because this class is not `Sendable`: the compiler keeps
/// it, and every statement prepared on it, with one owner. FULLMUTEX would not make sharing useful
/// anyway: it serializes calls, but `sqlite3_errmsg` and `changes` would still race between a call
/// and the reading of its result, and transactions are per connection, not per thread. For
/// concurrency, open one connection per thread or process; WAL lets readers run beside one writer.
public final class SQLiteConnection {
  public let path: String
  public let options: Options
  let handle: SQLiteDatabaseHandle
  /// Prepared statements by SQL, for `withCachedStatement`; a key never changes meaning.
  var statementCache: [String: SQLiteStatement] = [:]
  /// Bounds the cache: code using fixed SQL strings never reaches it, generated SQL cannot grow it
  /// without limit.
  static let statementCacheCapacity = 64

  /// Opens (or creates) the database at `path`, then sets and verifies WAL mode, `synchronous`, the
  /// busy timeout and foreign keys.
  public init(path: String, options: Options = Options()) throws(SQLiteError) {
    self.path = path
    self.options = options
    var pointer: OpaquePointer?
    let result = sqlite3_open_v2(path, &pointer, Self.openFlags(options), nil)
    guard let pointer else {
      throw SQLiteError.wrapper("out of memory opening \(path)", sql: nil, code: SQLITE_NOMEM)
    }
    // From here the handle owns the pointer: it is closed once, whether opening succeeds or not.
    handle = SQLiteDatabaseHandle(pointer)
    guard result == SQLITE_OK else {
      throw SQLiteError(database: pointer, resultCode: result, sql: nil)
    }
    try configure()
  }

  deinit {
    // Finalize the cached statements now, so the database closes here unless a caller still holds
    // a statement (then it closes when that statement goes).
    statementCache.removeAll()
  }

  private static func openFlags(_ options: Options) -> Int32 {
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    if options.readOnly {
      flags |= SQLITE_OPEN_READONLY
    } else {
      flags |= SQLITE_OPEN_READWRITE
      if options.createIfMissing { flags |= SQLITE_OPEN_CREATE }
    }
    return flags
  }

  /// Runs `sql`, which may hold several statements separated by semicolons (a schema script); rows
  /// they return are ignored.
  public func execute(_ sql: String) throws(SQLiteError) {
    let result = sqlite3_exec(handle.pointer, sql, nil, nil, nil)
    guard result == SQLITE_OK else {
      throw SQLiteError(database: handle.pointer, resultCode: result, sql: sql)
    }
  }

  /// Prepares one statement, owned by the caller and finalized when released.
  public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    try SQLiteStatement(handle: handle, sql: sql, persistent: false)
  }

  /// The rowid of the last row this connection inserted.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle.pointer) }

  /// Rows changed by this connection's last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes64(handle.pointer)) }

  /// Whether a transaction is open on this connection.
  public var isInTransaction: Bool { sqlite3_get_autocommit(handle.pointer) == 0 }
}
