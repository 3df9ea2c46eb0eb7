import Foundation
import PostgresClient
import Testing
import TradelogTestSupport

@testable import PostgresProjection

@Suite struct ProjectionSchemaTests {
  @Test func anOlderSchemaIsMigratedOnStart() throws {
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let connection = try database.connect()
    let first = try ProjectionSchema.migrate(connection, to: 1)
    #expect(first == ProjectionSchema.Outcome(versionBefore: 0, versionAfter: 1))

    let log = TemporaryLog(fixture: SharedFixtures.small)
    _ = try PostgresProjectorTests.project(log, into: database)

    #expect(try ProjectionSchema.currentVersion(connection) == ProjectionMigration.latestVersion)
    let index = try connection.execute("SELECT to_regclass('orders_by_account') IS NOT NULL AS present")
    #expect(index.first?["present"] == "t")
    // Migrating again is a no-op.
    let again = try ProjectionSchema.migrate(connection)
    #expect(again.versionBefore == again.versionAfter)
  }

  @Test func aNewerSchemaIsRefusedWithItsVersions() throws {
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let connection = try database.connect()
    try ProjectionSchema.migrate(connection)
    let newer = ProjectionMigration.latestVersion + 1
    try connection.execute("INSERT INTO schema_version (version, file_name) VALUES (\(newer), 'future.sql')")

    let log = TemporaryLog(fixture: SharedFixtures.small)
    let error = #expect(throws: ProjectionError.self) {
      try PostgresProjectorTests.project(log, into: database)
    }
    guard case .schemaNewerThanBuild(let found, let supported) = error else {
      Issue.record("expected schemaNewerThanBuild, got \(String(describing: error))")
      return
    }
    #expect(found == newer && supported == ProjectionMigration.latestVersion)
    #expect(error?.description.contains("schema version \(newer)") == true)
    // Nothing was projected into the newer schema.
    let state = try connection.execute("SELECT last_seq FROM projector_state")
    #expect(state.first?["last_seq"] == "0")
  }
}
