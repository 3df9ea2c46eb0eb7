import PostgresClient

/// Creates, migrates and drops the projection's tables. Every step runs inside the caller's
/// transaction, under a transaction-scoped advisory lock, so two projectors starting on one database
/// at once migrate it once and never see a half-made schema.
public enum ProjectionSchema {
  /// An arbitrary key of PostgreSQL's advisory lock space, taken by every projector of this database.
  static let advisoryLockKey: Int64 = 0x7472_6164_656c_6f67

  /// Every table the migrations create, and the version table: what a rebuild drops.
  static let tableNames = [
    "markets", "balances", "orders", "trades", "ledger", "transfers", "order_rejections",
    "command_rejections", "book_levels", "projector_state", "schema_version",
  ]

  /// What `migrate` found and did.
  public struct Outcome: Sendable, Equatable {
    public var versionBefore: Int
    public var versionAfter: Int
  }

  /// Brings the schema to `targetVersion` in a transaction of its own (the projector itself calls
  /// `migrate(in:to:)` inside its start-up transaction). Refuses a schema newer than this build.
  @discardableResult
  public static func migrate(
    _ connection: PostgresConnection, to targetVersion: Int = ProjectionMigration.latestVersion
  ) throws(ProjectionError) -> Outcome {
    try connection.inTransaction { connection throws(ProjectionError) in
      try lock(connection)
      return try migrate(in: connection, to: targetVersion)
    }
  }

  /// The version the database's projection schema is at: 0 when it has none.
  public static func currentVersion(_ connection: PostgresConnection) throws(ProjectionError) -> Int {
    let exists = try connection.run("SELECT to_regclass('schema_version') IS NOT NULL AS present")
    guard exists.first?["present"] == "t" else { return 0 }
    let result = try connection.run("SELECT coalesce(max(version), 0) AS version FROM schema_version")
    guard let text = result.first?["version"], let version = Int(text) else {
      throw .unreadableState("schema_version holds no readable version")
    }
    return version
  }

  static func lock(_ connection: PostgresConnection) throws(ProjectionError) {
    try connection.run("SELECT pg_advisory_xact_lock($1::bigint)", [String(advisoryLockKey)])
  }

  /// Inside a transaction that holds the lock.
  static func migrate(
    in connection: PostgresConnection, to targetVersion: Int
  ) throws(ProjectionError)
    -> Outcome
  {
    try connection.run(
      """
      CREATE TABLE IF NOT EXISTS schema_version (
        version integer PRIMARY KEY,
        file_name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
      """)
    let versionBefore = try currentVersion(connection)
    guard versionBefore <= ProjectionMigration.latestVersion else {
      throw .schemaNewerThanBuild(found: versionBefore, supported: ProjectionMigration.latestVersion)
    }
    for migration in ProjectionMigration.all
    where migration.version > versionBefore && migration.version <= targetVersion {
      for statement in migration.statements {
        try connection.run(statement)
      }
      try connection.run(
        "INSERT INTO schema_version (version, file_name) VALUES ($1::integer, $2)",
        [String(migration.version), migration.fileName])
    }
    return Outcome(versionBefore: versionBefore, versionAfter: try currentVersion(connection))
  }

  /// Inside a transaction that holds the lock: drops every projection table, whatever its version.
  static func dropTables(in connection: PostgresConnection) throws(ProjectionError) {
    for table in tableNames {
      try connection.run("DROP TABLE IF EXISTS \(table) CASCADE")
    }
  }
}
