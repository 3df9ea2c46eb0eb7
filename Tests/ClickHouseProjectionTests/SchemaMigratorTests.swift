import ClickHouseClient
import Foundation
import Testing
import TradelogTestSupport

@testable import ClickHouseProjection

@Suite struct SchemaMigratorTests {
  @Test func theCompiledMigrationsEqualTheFilesInSchemas() throws {
    let directory = PackageRoot.url.appending(path: "schemas/clickhouse")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    #expect(files == ClickHouseSchema.migrations.map(\.fileName))
    for migration in ClickHouseSchema.migrations {
      let text = try String(contentsOf: directory.appending(path: migration.fileName), encoding: .utf8)
      #expect(
        text == migration.sql,
        "\(migration.fileName) differs from ClickHouseSchema.swift: run tools/generate-migrations")
      #expect(migration.fileName.hasPrefix(String(format: "%04d_", migration.version)))
    }
  }

  @Test func statementsAreSplitAtSemicolonsWithoutComments() {
    let migration = SchemaMigration(
      version: 1, fileName: "0001_x.sql",
      sql: "-- a comment; with a semicolon\nCREATE TABLE a (x UInt8);\n\n  SELECT 1;\n")
    #expect(migration.statements == ["CREATE TABLE a (x UInt8)", "SELECT 1"])
  }

  @Test func aNewDatabaseIsMigratedToTheNewestVersionAndMigratingAgainChangesNothing() async throws {
    let database = try TestDatabase()
    defer { Task { await database.drop() } }
    let migrator = SchemaMigrator(server: ClickHouseClient(url: database.url), database: database.name)
    #expect(try await migrator.migrate() == ClickHouseSchema.newestVersion)
    #expect(try await migrator.migrate() == ClickHouseSchema.newestVersion)
    let versions = try await database.rows("SELECT version FROM schema_version ORDER BY version")
    #expect(versions == ClickHouseSchema.migrations.map { [String($0.version)] })
    let tables = try await database.rows(
      "SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name")
    #expect(
      tables.map { $0[0] ?? "" } == [
        "balance_changes", "candle_states", "candles_1d", "candles_1h", "candles_1m", "candles_5m",
        "order_events",
        "schema_version", "trades",
      ])
  }

  @Test func anOlderSchemaIsMigratedAndItsCandlesCatchUpWithTheTradesAlreadyStored() async throws {
    let fixture = try ClickHouseProjectorTests.shortRun.get()
    let database = try TestDatabase()
    let reference = try TestDatabase()
    defer {
      Task {
        await database.drop(); await reference.drop()
      }
    }
    let migrator = SchemaMigrator(server: ClickHouseClient(url: database.url), database: database.name)
    // A database projected by a build that knew only the history tables (version 1): projected, then
    // stripped of what migration 2 made, its versions recorded again by a build that knows only 1.
    try await database.project(events: fixture.address)
    for name in ["candles_1m", "candles_5m", "candles_1h", "candles_1d", "candle_states", "schema_version"] {
      try await database.client.execute("DROP TABLE \(name)")
    }
    let oldBuild = SchemaMigrator(
      server: ClickHouseClient(url: database.url), database: database.name,
      migrations: Array(ClickHouseSchema.migrations.prefix(1)))
    #expect(try await oldBuild.migrate() == 1)
    #expect(try await database.rows("SELECT count() > 0 FROM trades") == [["1"]])

    try await database.project(events: fixture.address)
    try await reference.project(events: fixture.address)
    #expect(try await migrator.storedVersion() == ClickHouseSchema.newestVersion)
    #expect(try await database.dump() == reference.dump())
  }

  @Test func aSchemaNewerThanTheBuildIsRefused() async throws {
    let fixture = try ClickHouseProjectorTests.shortRun.get()
    let database = try TestDatabase()
    defer { Task { await database.drop() } }
    let migrator = SchemaMigrator(server: ClickHouseClient(url: database.url), database: database.name)
    try await migrator.migrate()
    let newer = ClickHouseSchema.newestVersion + 1
    try await database.client.execute(
      "INSERT INTO schema_version (version, file_name, applied_at) VALUES (\(newer), '9999_future.sql', now())"
    )
    for rebuild in [false, true] {
      let error = await #expect(throws: ClickHouseProjectionError.self) {
        try await database.project(events: fixture.address, rebuild: rebuild)
      }
      #expect(error?.description.contains("has ClickHouse schema version \(newer)") == true)
      #expect(error?.isRetryable == false)
    }
    #expect(try await database.rows("SELECT count() FROM trades") == [["0"]])
  }
}
