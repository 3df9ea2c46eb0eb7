import Foundation
import Testing
import TradelogTestSupport

@testable import PostgresProjection

@Suite struct ProjectionMigrationTests {
  /// The built-in migrations are the files of schemas/postgres, byte for byte: the Swift file is
  /// generated, and a forgotten `tools/generate-migrations` must not ship stale SQL.
  @Test func builtInMigrationsMatchTheSchemaFiles() throws {
    let directory = PackageRoot.url.appending(path: "schemas/postgres")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    #expect(ProjectionMigration.all.map(\.fileName) == files)
    for (index, migration) in ProjectionMigration.all.enumerated() {
      #expect(migration.version == index + 1)
      let text = try String(contentsOf: directory.appending(path: migration.fileName), encoding: .utf8)
      #expect(migration.sql + "\n" == text, "run tools/generate-migrations")
    }
  }

  @Test func statementsSplitAtSemicolonsThatEndALine() {
    let migration = ProjectionMigration(
      version: 1, fileName: "0001_test.sql",
      sql: "-- a comment;\nCREATE TABLE a (x int);\n\n-- only a comment\nCREATE INDEX b\n  ON a (x);\n-- tail"
    )
    #expect(
      migration.statements == [
        "-- a comment;\nCREATE TABLE a (x int);", "\n-- only a comment\nCREATE INDEX b\n  ON a (x);",
      ])
  }
}
