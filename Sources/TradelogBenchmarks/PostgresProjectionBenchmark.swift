import Foundation
import PostgresClient
import PostgresProjection

/// The PostgreSQL projector rebuilding from offset zero, next to a raw COPY of the rows it produced:
/// every projected table dumped with `psql \copy … TO`, then loaded with `psql \copy … FROM` into an
/// identical empty schema (made by the projector's own migrations), all tables in one transaction,
/// indexes included.
struct PostgresProjectionBenchmark {
  static let projectedDatabase = "tradelog_bench_projection"
  static let referenceDatabase = "tradelog_bench_raw"
  /// The projector's bookkeeping, not projected rows.
  static let bookkeepingTables: Set<String> = ["projector_state", "schema_version"]

  let serverURL: String
  let workDirectory: URL

  func run(events: BenchmarkEventsLog, empty: BenchmarkEventsLog) throws -> StoreMeasurement {
    let projectedURL = try recreate(database: Self.projectedDatabase)
    let referenceURL = try recreate(database: Self.referenceDatabase)
    print("postgres: projecting into \(Self.projectedDatabase)")
    let summary = try PostgresProjector(
      configuration: PostgresProjectorConfiguration(
        eventsAddress: events.address, postgresURL: projectedURL, rebuild: true, follow: false)
    ).run()
    _ = try PostgresProjector(
      configuration: PostgresProjectorConfiguration(
        eventsAddress: empty.address, postgresURL: referenceURL, follow: false)
    ).run()
    let tables = try projectedTables(at: projectedURL)
    let dump = workDirectory.appending(path: "postgres-dump")
    try? FileManager.default.removeItem(at: dump)
    try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
    try runPsql(url: projectedURL, commands: tables.map { "\\copy \($0) TO '\(file(of: $0, in: dump))'" })
    let rowCount = try tables.reduce(0) { $0 + (try count(table: $1, at: projectedURL)) }
    print("postgres: raw COPY of \(grouped(Double(rowCount))) rows into \(Self.referenceDatabase)")
    let load =
      ["BEGIN;"] + tables.map { "\\copy \($0) FROM '\(file(of: $0, in: dump))'" } + ["COMMIT;"]
    let reference = try RunMeasurement.of { try runPsql(url: referenceURL, commands: load) }
    try FileManager.default.removeItem(at: dump)
    return StoreMeasurement(
      store: "PostgreSQL", batches: summary.batchesApplied, events: summary.eventsApplied,
      rows: rowCount, seconds: summary.elapsed.seconds, referenceSeconds: reference.seconds,
      referenceName: "psql \\copy (COPY text)")
  }

  /// Drops and creates `database` on the server, returning its URL.
  private func recreate(database: String) throws -> String {
    let server = try PostgresConnection(url: serverURL)
    _ = try server.execute("DROP DATABASE IF EXISTS \(database)")
    _ = try server.execute("CREATE DATABASE \(database)")
    return try Self.url(serverURL, database: database)
  }

  private func projectedTables(at url: String) throws -> [String] {
    let connection = try PostgresConnection(url: url)
    let result = try connection.execute(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        + "AND table_type = 'BASE TABLE' ORDER BY table_name")
    return result.compactMap { $0[0] }.filter { !Self.bookkeepingTables.contains($0) }
  }

  private func count(table: String, at url: String) throws -> Int {
    let connection = try PostgresConnection(url: url)
    return Int(try connection.execute("SELECT count(*) FROM \(table)")[0][0] ?? "") ?? 0
  }

  private func file(of table: String, in directory: URL) -> String {
    directory.appending(path: "\(table).copy").path
  }

  /// Runs psql commands from a script file, stopping at the first error.
  private func runPsql(url: String, commands: [String]) throws {
    let script = workDirectory.appending(path: "psql-script.sql")
    try Data((commands.joined(separator: "\n") + "\n").utf8).write(to: script)
    defer { try? FileManager.default.removeItem(at: script) }
    try ToolProcess.run(
      "/usr/bin/psql", ["--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", script.path])
  }

  /// `url` with its database (the path) replaced by `database`.
  static func url(_ url: String, database: String) throws -> String {
    guard var components = URLComponents(string: url), components.host != nil else {
      throw BenchmarkFailure("--postgres must be a URL such as postgresql://postgres@127.0.0.1:5432/postgres")
    }
    components.path = "/\(database)"
    return components.string!
  }
}
