import SQLiteDatabase

extension SQLiteLogConnection {
  /// The newest layout of the file this build writes and reads. An older build refuses a newer file
  /// rather than misreading it.
  public static let formatVersion: Int64 = 1

  /// Stored in the SQLite header (`PRAGMA application_id`, the bytes "TLOG"), so that any SQLite
  /// database can be told apart from a log without guessing from its tables.
  static let applicationID: Int64 = 0x544C_4F47

  /// STRICT tables: SQLite refuses a value of the wrong type instead of storing it, whoever writes.
  static let schemaSQL = """
    CREATE TABLE meta (
      name TEXT PRIMARY KEY NOT NULL,
      value INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO meta (name, value) VALUES ('format_version', \(formatVersion)), ('writer_epoch', 0);
    CREATE TABLE records (
      position INTEGER PRIMARY KEY,
      timestamp INTEGER NOT NULL,
      key BLOB,
      value BLOB NOT NULL,
      headers BLOB
    ) STRICT;
    PRAGMA application_id = \(applicationID);
    """

  /// What an opened SQLite file holds.
  private enum Contents {
    case log
    case empty
    /// Another application's database; the text says what was found.
    case foreign(String)
  }

  /// Creates the tables in a new file, or checks that an existing file is a log this build reads.
  func prepareSchema() throws(RecordLogError) {
    // An existing log is recognized without taking the write lock, so readers never wait here. One
    // read transaction, so both of identifyContents' reads see the same snapshot: between two
    // autocommit reads another connection could create the log, and the pair would look foreign.
    var contents = try mappingErrors(while: "opening the log") {
      try connection.transaction(.deferred) { try identifyContents() }
    }
    if case .empty = contents {
      // Several processes may create the same log at once: decide again under the write lock.
      contents = try mappingErrors(while: "creating the log") {
        try connection.transaction(.immediate) {
          let contents = try identifyContents()
          if case .empty = contents { try connection.execute(Self.schemaSQL) }
          return contents
        }
      }
    }
    if case .foreign(let found) = contents {
      throw RecordLogError(
        kind: .notALog,
        message: "sqlite:\(path) is an SQLite database but not a log (\(found)): "
          + "point the address at a log file, or at a path that does not exist yet to create one")
    }
    try checkFormatVersion()
  }

  private func identifyContents() throws -> Contents {
    let applicationID = try integer("PRAGMA application_id")
    if applicationID == Self.applicationID { return .log }
    let tableCount = try integer("SELECT count(*) FROM sqlite_schema")
    if applicationID == 0, tableCount == 0 { return .empty }
    return .foreign("application_id \(applicationID), \(tableCount) schema objects")
  }

  private func checkFormatVersion() throws(RecordLogError) {
    let version = try mappingErrors(while: "reading the log's format version") { () throws -> Int64? in
      let tables = try integer(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('meta', 'records')")
      return tables == 2 ? try metaValue("format_version") : nil
    }
    guard let version, version >= 1 else {
      throw RecordLogError(
        kind: .corrupt,
        message: "sqlite:\(path) is marked as a log but its meta or records table or its format version "
          + "is missing: the file is damaged; restore it from a copy")
    }
    guard version <= Self.formatVersion else {
      throw RecordLogError(
        kind: .unsupportedFormat,
        message: "sqlite:\(path) is a log in format version \(version), newer than this build reads "
          + "(up to \(Self.formatVersion)): upgrade tradelog to open it")
    }
  }

  /// The value stored in `meta` under `name`, or nil if there is no such row.
  func metaValue(_ name: String) throws -> Int64? {
    try connection.withCachedStatement("SELECT value FROM meta WHERE name = ?1") { statement in
      try statement.bind(name, at: 1)
      return try statement.step() ? statement.int64(at: 0) : nil
    }
  }

  /// The first column of the first row of `sql`, which must return one.
  private func integer(_ sql: String) throws -> Int64 {
    try connection.withCachedStatement(sql) { statement in
      guard try statement.step() else { preconditionFailure("`\(sql)` returned no row") }
      return statement.int64(at: 0)
    }
  }
}
