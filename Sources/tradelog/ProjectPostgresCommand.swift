import ArgumentParser
import Foundation
import PostgresProjection
import RecordLog
import TradelogServices

/// `tradelog project postgres`: the PostgreSQL projector (docs/projections.md).
struct ProjectPostgresCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "postgres",
    abstract: "Fold the events log into PostgreSQL tables, exactly once.",
    discussion: """
      Creates or migrates the tables (schemas/postgres), catches up from the batch after the last \
      one applied, then tails the log (--no-follow: stops once caught up). Batches and the \
      checkpoint are committed together, so a crash at any instant loses nothing and applies \
      nothing twice. If PostgreSQL goes away, the projector reconnects with backoff and resumes. \
      SIGINT or SIGTERM commits the batches already folded and exits with status 0.

      --rebuild drops the tables and projects again from the first batch, with a progress bar on \
      standard error. An interrupted rebuild is recorded in projector_state: the next start, with or \
      without --rebuild, carries it on (without it, from where it stopped).

      Example: tradelog project postgres --events sqlite:events.log \
      --postgres postgresql://postgres@127.0.0.1:5432/exchange --no-follow
      """)

  @Option(
    help: ArgumentHelp("The events log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var events: String

  @OptionGroup var log: LogOptions

  @Option(help: ArgumentHelp("The PostgreSQL database, as a libpq URL.", valueName: "url"))
  var postgres: String

  @Flag(help: "Drop the projection tables and project everything again.")
  var rebuild = false

  @Flag(inversion: .prefixedNo, help: "Keep tailing the log once caught up.")
  var follow = true

  @Option(help: ArgumentHelp("Event batches per transaction at most.", valueName: "count"))
  var batchesPerTransaction = PostgresProjectorConfiguration.batchesPerTransactionDefault

  func validate() throws {
    guard batchesPerTransaction >= 1 else {
      throw ValidationError("--batches-per-transaction must be at least 1, not \(batchesPerTransaction).")
    }
  }

  func run() throws {
    ServiceMemory.keepFreedMemory()
    let stopRequest = StopRequest()
    let signals = StopSignalSources(stopRequest: stopRequest)
    defer { signals.cancel() }
    var configuration = PostgresProjectorConfiguration(
      eventsAddress: events, postgresURL: postgres, rebuild: rebuild, follow: follow,
      batchesPerTransactionMax: batchesPerTransaction)
    configuration.logOptions = try log.openOptions(forAddress: events, createIfMissing: true)
    let projector = PostgresProjector(
      configuration: configuration,
      progress: ProgressDisplay(),
      notice: Self.standardError,
      shouldStop: { stopRequest.isRequested })
    let summary: ProjectionSummary
    do {
      summary = try projector.run()
    } catch {
      Self.standardError("tradelog project postgres: \(error.description)")
      throw ExitCode.failure
    }
    if stopRequest.isRequested {
      Self.standardError("tradelog project postgres: stopped on SIGINT or SIGTERM.")
    }
    print(Self.render(summary))
  }

  static func render(_ summary: ProjectionSummary) -> String {
    [
      "batches applied:  \(summary.batchesApplied)",
      "batches skipped:  \(summary.batchesSkipped) (applied before)",
      "events applied:   \(summary.eventsApplied)",
      "events/s:         \(Int(summary.eventsPerSecond.rounded()))",
      "transactions:     \(summary.transactions)",
      "retries:          \(summary.retries)",
      "last seq:         \(summary.lastSeq)",
    ].joined(separator: "\n")
  }

  static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
