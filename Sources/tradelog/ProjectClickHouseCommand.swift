import ArgumentParser
import ClickHouseProjection
import Dispatch
import Foundation
import RecordLog
import TradelogServices

/// `tradelog project clickhouse`: the events log into ClickHouse's history tables and candles.
struct ProjectClickHouseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clickhouse",
    abstract: "Project the events log into ClickHouse: trades, order events, balance changes, candles.",
    discussion: """
      Catches up from what the tables already hold, then tails the log (unless --no-follow). Every \
      row is written exactly once, across restarts, crashes and batches delivered twice; when \
      ClickHouse is unreachable the projector says so and retries. SIGINT or SIGTERM: finish the \
      insert under way and exit 0. The schema (schemas/clickhouse) is created or migrated on start.

      Example: tradelog project clickhouse --events sqlite:events.db --clickhouse http://127.0.0.1:8123
      """)

  @Option(
    help: ArgumentHelp("The events log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var events: String

  @OptionGroup var log: LogOptions

  @Option(help: ArgumentHelp("ClickHouse's HTTP address.", valueName: "url"))
  var clickhouse: String

  @Option(help: "The database to project into; created if missing.")
  var database: String = "tradelog"

  @Flag(help: "Drop the tables and project again from the first batch, with a progress bar.")
  var rebuild = false

  @Flag(inversion: .prefixedNo, help: "Tail the log once caught up.")
  var follow = true

  @Option(help: ArgumentHelp("Rows per table per insert, at most (1 to 1,000,000).", valueName: "N"))
  var rowsPerInsert = 200_000

  func validate() throws {
    guard let url = URL(string: clickhouse), url.scheme == "http" || url.scheme == "https", url.host != nil
    else {
      throw ValidationError(
        "--clickhouse must be an HTTP address such as http://127.0.0.1:8123, not \(clickhouse).")
    }
    guard !database.isEmpty else { throw ValidationError("--database must not be empty.") }
    // Above the server's max_insert_block_size (1,048,576 rows) an insert is split into several
    // blocks, and would no longer be atomic.
    guard (1...1_000_000).contains(rowsPerInsert) else {
      throw ValidationError("--rows-per-insert must be 1 to 1,000,000, not \(rowsPerInsert).")
    }
  }

  func run() async throws {
    ServiceMemory.keepFreedMemory()
    let stop = StopRequest()
    let signals = StopSignalSources(stopRequest: stop)
    defer { signals.cancel() }
    var configuration = ClickHouseProjectorConfiguration(
      eventsAddress: events, clickHouseURL: URL(string: clickhouse)!, database: database, rebuild: rebuild,
      follow: follow, rowsPerInsertMax: rowsPerInsert)
    configuration.logOptions = try log.openOptions(forAddress: events, createIfMissing: true)
    let projector = ClickHouseProjector(configuration: configuration)
    let summary: ClickHouseProjectionSummary
    do {
      summary = try await projector.run(stop: stop)
    } catch {
      FileHandle.standardError.write(Data("tradelog project clickhouse: \(error)\n".utf8))
      throw ExitCode(1)
    }
    FileHandle.standardError.write(Data(Self.render(summary, database: database).utf8))
  }

  static func render(_ summary: ClickHouseProjectionSummary, database: String) -> String {
    let seconds = summary.elapsed / .seconds(1)
    return """
      projected \(summary.batches) batches (\(summary.events) events) into \(database) in \
      \(String(format: "%.1f", seconds)) s, \(Int(summary.eventsPerSecond.rounded())) events/s
      rows: trades +\(summary.tradeRows), order_events +\(summary.orderEventRows), \
      balance_changes +\(summary.balanceChangeRows); duplicates skipped: \(summary.duplicates); \
      retries: \(summary.retries)
      stored through batch \(summary.storedThroughSeq)

      """
  }
}
