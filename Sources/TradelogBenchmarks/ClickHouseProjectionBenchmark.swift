import ClickHouseClient
import ClickHouseProjection
import Foundation
import TradelogServices

/// The ClickHouse projector rebuilding from offset zero, next to a raw HTTP insert of the rows it
/// produced: each table dumped as one Native block (the format the projector sends), then posted by
/// `curl`, one POST per table, into an identical empty schema (made by the projector's own
/// migrations). The candle states, which the projector computes on the server from the trades it
/// stored, are posted too, so the reference stores every row the projector made.
struct ClickHouseProjectionBenchmark {
  static let projectedDatabase = "tradelog_bench_projection"
  static let referenceDatabase = "tradelog_bench_raw"
  static let tables = ["trades", "order_events", "balance_changes", "candle_states"]

  let serverURL: URL
  let workDirectory: URL

  func run(events: BenchmarkEventsLog, empty: BenchmarkEventsLog) throws -> StoreMeasurement {
    print("clickhouse: projecting into \(Self.projectedDatabase)")
    let summary = try project(events, into: Self.projectedDatabase, showsProgress: true)
    _ = try project(empty, into: Self.referenceDatabase, showsProgress: false)
    let dump = workDirectory.appending(path: "clickhouse-dump")
    try? FileManager.default.removeItem(at: dump)
    try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
    var dumpArguments = ["--silent", "--show-error", "--fail"]
    for (index, table) in Self.tables.enumerated() {
      if index > 0 { dumpArguments.append("--next") }
      dumpArguments += [
        "--data-binary", "SELECT * FROM \(Self.projectedDatabase).\(table) FORMAT Native",
        "--output", file(of: table, in: dump), serverURL.absoluteString,
      ]
    }
    try ToolProcess.run("/usr/bin/curl", dumpArguments)
    print("clickhouse: raw HTTP insert of the same rows into \(Self.referenceDatabase)")
    let reference = try RunMeasurement.of {
      try ToolProcess.run("/usr/bin/curl", insertArguments(from: dump))
    }
    try FileManager.default.removeItem(at: dump)
    // Counted in the reference, which holds exactly the dumped rows: the projector's candle states
    // may still be merging in the background, which changes their count but not the candles.
    let rowCount = try BlockingWait.run { [self] in try await count(in: Self.referenceDatabase) }
    return StoreMeasurement(
      store: "ClickHouse", batches: summary.batches, events: summary.events, rows: rowCount,
      seconds: summary.elapsed.seconds, referenceSeconds: reference.seconds,
      referenceName: "curl POST, one Native block per table")
  }

  private func project(
    _ log: BenchmarkEventsLog, into database: String, showsProgress: Bool
  ) throws -> ClickHouseProjectionSummary {
    let configuration = ClickHouseProjectorConfiguration(
      eventsAddress: log.address, clickHouseURL: serverURL, database: database, rebuild: true,
      follow: false, showsProgress: showsProgress)
    return try BlockingWait.run {
      try await ClickHouseProjector(configuration: configuration).run(stop: StopRequest())
    }
  }

  /// One curl process posting every table in turn, each body read from its dump file.
  private func insertArguments(from dump: URL) -> [String] {
    var arguments = ["--silent", "--show-error", "--fail"]
    for (index, table) in Self.tables.enumerated() {
      if index > 0 { arguments.append("--next") }
      var components = URLComponents(url: serverURL, resolvingAgainstBaseURL: false)!
      components.queryItems = [
        URLQueryItem(name: "query", value: "INSERT INTO \(Self.referenceDatabase).\(table) FORMAT Native")
      ]
      arguments += [
        "--data-binary", "@\(file(of: table, in: dump))", "--output", "/dev/null",
        components.url!.absoluteString,
      ]
    }
    return arguments
  }

  private func count(in database: String) async throws -> Int {
    let client = ClickHouseClient(url: serverURL, database: database)
    var total = 0
    for table in Self.tables {
      total +=
        Int(
          try await client.query("SELECT count() FROM \(table)").trimmingCharacters(
            in: .whitespacesAndNewlines)) ?? 0
    }
    return total
  }

  private func file(of table: String, in directory: URL) -> String {
    directory.appending(path: "\(table).native").path
  }
}
