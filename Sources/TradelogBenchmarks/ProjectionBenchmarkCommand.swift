import ArgumentParser
import Foundation
import TradelogServices

/// `tradelog-bench projection`: both projectors rebuilding from offset zero, each next to a raw load
/// of the same rows into the same store, measured in the same run.
struct ProjectionBenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "projection",
    abstract: "Projector rebuild speed into PostgreSQL and ClickHouse, next to raw COPY and raw HTTP insert.",
    discussion: """
      Builds an events log of N batches from the seeded workload (cached under .local/bench/), \
      projects it into fresh databases (tradelog_bench_projection), then loads the rows the \
      projectors made into identical empty schemas (tradelog_bench_raw) with psql \\copy and curl. \
      The databases are dropped and created again on every run.
      """)

  @Option(help: "Event batches (commands) in the events log.")
  var batches = 1_000_000

  @Option(help: ArgumentHelp("PostgreSQL's URL (default: TRADELOG_POSTGRES_URL).", valueName: "url"))
  var postgres: String?

  @Option(
    help: ArgumentHelp("ClickHouse's HTTP address (default: TRADELOG_CLICKHOUSE_URL).", valueName: "url"))
  var clickhouse: String?

  /// A store to benchmark alone (under a profiler, say).
  enum Store: String, ExpressibleByArgument, CaseIterable {
    case postgres, clickhouse
  }

  @Option(help: "Benchmark only these stores (repeatable); both when left out.")
  var only: [Store] = []

  /// A rebuild of this many batches should finish within `rebuildSecondsMax`.
  static let rebuildBatches = 1_000_000
  static let rebuildSecondsMax = 60.0

  func validate() throws {
    guard batches >= 1 else { throw ValidationError("--batches must be at least 1, not \(batches).") }
  }

  func run() throws {
    // As the projectors run.
    ServiceMemory.keepFreedMemory()
    let postgresURL = try postgres ?? ServiceAddresses.value(of: "TRADELOG_POSTGRES_URL")
    let clickHouseText = try clickhouse ?? ServiceAddresses.value(of: "TRADELOG_CLICKHOUSE_URL")
    guard let clickHouseURL = URL(string: clickHouseText), clickHouseURL.host != nil else {
      throw ValidationError(
        "the ClickHouse address must be like http://127.0.0.1:8123, not \(clickHouseText)")
    }
    let workDirectory = URL(filePath: FileManager.default.currentDirectoryPath).appending(
      path: ".local/bench")
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    let events = try BenchmarkEventsLog.prepare(batches: batches, in: workDirectory)
    let empty = try BenchmarkEventsLog.prepareEmpty(in: workDirectory)
    let stores = only.isEmpty ? Store.allCases : only
    var measurements: [StoreMeasurement] = []
    if stores.contains(.postgres) {
      measurements.append(
        try PostgresProjectionBenchmark(serverURL: postgresURL, workDirectory: workDirectory)
          .run(events: events, empty: empty))
    }
    if stores.contains(.clickhouse) {
      measurements.append(
        try ClickHouseProjectionBenchmark(serverURL: clickHouseURL, workDirectory: workDirectory)
          .run(events: events, empty: empty))
    }
    print(ProjectionBenchmarkReport(measurements: measurements).text)
  }
}
