import ClickHouseClient

/// Brings a database to the schema this build knows, on every start: creates the database and its
/// `schema_version` table if missing, applies the migrations above the stored version in order, each
/// recorded once all its statements ran, and refuses a database migrated by a newer build. Every
/// statement is idempotent (IF NOT EXISTS), so a migration interrupted halfway is applied again.
struct SchemaMigrator: Sendable {
  let server: ClickHouseClient
  let database: String
  let migrations: [SchemaMigration]

  init(
    server: ClickHouseClient, database: String, migrations: [SchemaMigration] = ClickHouseSchema.migrations
  ) {
    self.server = server
    self.database = database
    self.migrations = migrations
  }

  private var client: ClickHouseClient {
    ClickHouseClient(url: server.url, database: database, timeoutSeconds: server.timeoutSeconds)
  }

  /// Migrates up to `targetVersion` (all known migrations by default) and returns the version reached.
  @discardableResult
  func migrate(upTo targetVersion: Int? = nil) async throws(ClickHouseProjectionError) -> Int {
    let step = "preparing database \(database)"
    try await run(
      "CREATE DATABASE IF NOT EXISTS \(ClickHouseSQL.identifier(database))", on: server, step: step)
    try await run(
      "CREATE TABLE IF NOT EXISTS schema_version (version UInt32, file_name String, applied_at DateTime) "
        + "ENGINE = MergeTree() ORDER BY version", on: client, step: step)
    var version = try await storedVersion()
    let newestKnown = migrations.last?.version ?? 0
    guard version <= newestKnown else {
      throw .schemaTooNew(database: database, version: version, newestKnown: newestKnown)
    }
    for migration in migrations
    where migration.version > version && migration.version <= (targetVersion ?? .max) {
      try await apply(migration)
      version = migration.version
    }
    return version
  }

  /// The newest migration recorded, 0 for none.
  func storedVersion() async throws(ClickHouseProjectionError) -> Int {
    let query = "SELECT max(version) FROM schema_version"
    let answer = try await value(of: query, step: "reading the schema version of \(database)")
    guard let version = Int(answer) else { throw .unexpectedAnswer(query: query, answer: answer) }
    return version
  }

  /// Drops every table and view the migrations create, and `schema_version`: what a rebuild starts
  /// from. A database of a newer schema is refused, since it may hold tables this build does not know.
  func dropAll() async throws(ClickHouseProjectionError) {
    try await run(
      "CREATE DATABASE IF NOT EXISTS \(ClickHouseSQL.identifier(database))", on: server, step: "rebuild")
    try await run(
      "CREATE TABLE IF NOT EXISTS schema_version (version UInt32, file_name String, applied_at DateTime) "
        + "ENGINE = MergeTree() ORDER BY version", on: client, step: "rebuild")
    let version = try await storedVersion()
    let newestKnown = migrations.last?.version ?? 0
    guard version <= newestKnown else {
      throw .schemaTooNew(database: database, version: version, newestKnown: newestKnown)
    }
    for name in Self.createdObjects(by: migrations).reversed() + ["schema_version"] {
      try await run(
        "DROP TABLE IF EXISTS \(ClickHouseSQL.identifier(name))", on: client,
        step: "rebuild: dropping \(name)")
    }
  }

  private func apply(_ migration: SchemaMigration) async throws(ClickHouseProjectionError) {
    let step = "applying \(migration.fileName) to database \(database)"
    for statement in migration.statements {
      try await run(statement, on: client, step: step)
    }
    try await run(
      "INSERT INTO schema_version (version, file_name, applied_at) VALUES "
        + "(\(migration.version), \(ClickHouseSQL.stringLiteral(migration.fileName)), now())",
      on: client, step: step)
  }

  /// The names after `CREATE TABLE IF NOT EXISTS` and `CREATE VIEW IF NOT EXISTS`, in creation order.
  static func createdObjects(by migrations: [SchemaMigration]) -> [String] {
    let prefixes = ["CREATE TABLE IF NOT EXISTS ", "CREATE VIEW IF NOT EXISTS "]
    return migrations.flatMap(\.statements).compactMap { statement in
      guard let prefix = prefixes.first(where: statement.hasPrefix) else { return nil }
      return String(statement.dropFirst(prefix.count).prefix { !$0.isWhitespace && $0 != "(" })
    }
  }

  private func value(of query: String, step: String) async throws(ClickHouseProjectionError) -> String {
    do {
      return try await client.query(query).trimmingSuffix { $0 == "\n" }
    } catch {
      throw .clickHouse(error, during: step)
    }
  }

  private func run(
    _ sql: String, on client: ClickHouseClient, step: String
  ) async throws(ClickHouseProjectionError) {
    do {
      try await client.execute(sql)
    } catch {
      throw .clickHouse(error, during: step)
    }
  }
}

extension String {
  fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
    var text = self
    while let last = text.last, predicate(last) { text.removeLast() }
    return text
  }
}
