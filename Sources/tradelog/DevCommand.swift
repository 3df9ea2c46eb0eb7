import ArgumentParser
import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation

/// `tradelog dev`: the main job on the embedded default — the sequencer and a demo load on local
/// SQLite logs, with a live status line.
struct DevCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dev",
    abstract: "Run the whole pipeline on local embedded logs, with a demo load and a live status line.",
    discussion: """
      Creates (or reuses) a data directory holding the commands log (commands.db), the events log \
      (events.db), the snapshots and the sequencer's own log (sequencer.log). A sequencer turns \
      commands into event batches while a seeded demo load appends commands at --rate. Ctrl-C stops \
      the load, lets the sequencer take in what was appended, writes a last snapshot and exits; \
      running it again resumes from the same data (the demo stream continues where it stopped).

      Other tools work on the same logs while it runs, for example:
        tradelog tail sqlite:.local/dev/events.db --from 0 --json | head
        tradelog submit --commands sqlite:.local/dev/commands.db orders.jsonl
        tradelog snapshot list .local/dev/snapshots

      With --postgres and --clickhouse it also runs both projectors (their lines go to \
      projectors.log), so the read tables fill while it runs; they stop after the sequencer and \
      resume from what the tables hold.
      """)

  @Option(help: ArgumentHelp("The data directory (created if missing).", valueName: "directory"))
  var data = ".local/dev"

  @Option(help: ArgumentHelp("Demo load: commands per second.", valueName: "per-second"))
  var rate: Double = 20_000

  @Flag(help: "No demo load: only sequence what others append to the commands log.")
  var noLoad = false

  @Option(help: "Demo load: the seed of its command stream.")
  var seed: UInt64 = 1

  @Option(help: "Demo load: markets to create (1 to 64).")
  var markets: Int = 4

  @Option(help: "Demo load: accounts to trade with (1 to 100,000).")
  var accounts: Int = 1_000

  @Option(
    help: ArgumentHelp(
      "Stop by itself after this many seconds (default: run until Ctrl-C).", valueName: "seconds"))
  var duration: Double?

  @Option(
    help: ArgumentHelp(
      "Also run the PostgreSQL projector into this database (postgresql://…).", valueName: "url"))
  var postgres: String?

  @Option(
    help: ArgumentHelp(
      "Also run the ClickHouse projector into this server (http://host:8123).", valueName: "url"))
  var clickhouse: String?

  @Option(help: ArgumentHelp("The ClickHouse database of the projector.", valueName: "name"))
  var clickhouseDatabase = "tradelog"

  func validate() throws {
    guard rate.isFinite, rate > 0 else {
      throw ValidationError("--rate must be a positive number of commands per second, not \(rate).")
    }
    guard (1...64).contains(markets) else {
      throw ValidationError("--markets must be 1 to 64, not \(markets).")
    }
    guard (1...100_000).contains(accounts) else {
      throw ValidationError("--accounts must be 1 to 100,000, not \(accounts).")
    }
    if let duration, !(duration.isFinite && duration > 0) {
      throw ValidationError("--duration must be a positive number of seconds, not \(duration).")
    }
    if let clickhouse, URL(string: clickhouse)?.host == nil {
      throw ValidationError(
        "--clickhouse must be an HTTP address such as http://127.0.0.1:8123, not \(clickhouse).")
    }
  }

  func run() async throws {
    ServiceMemory.keepFreedMemory()
    let stopRequest = StopRequest()
    let signals = StopSignalSources(stopRequest: stopRequest)
    defer { signals.cancel() }
    if let duration { stopAfter(duration, stopRequest) }
    let configuration = DevelopmentConfiguration(
      dataDirectory: data, loadRate: noLoad ? nil : rate, seed: seed, markets: markets, accounts: accounts)
    printIntroduction(configuration)
    let session = DevelopmentSession(configuration: configuration) {
      [seed, markets, accounts] alreadyAppended in
      Self.demoStream(seed: seed, markets: markets, accounts: accounts, skipping: alreadyAppended)
    }
    let projectors = try startProjectors(configuration)
    let sessionError = await Self.runOnOwnThread(session, stopRequest)
    projectors?.stop()
    if let message = sessionError?.message ?? projectors?.failureMessage {
      FileHandle.standardError.write(Data("tradelog dev: \(message)\n".utf8))
      throw ExitCode.failure
    }
  }

  /// The projectors run only when given a database; what they say goes to `projectors.log`.
  private func startProjectors(_ configuration: DevelopmentConfiguration) throws -> DevProjectors? {
    guard postgres != nil || clickhouse != nil else { return nil }
    try FileManager.default.createDirectory(
      atPath: configuration.dataDirectory, withIntermediateDirectories: true)
    return DevProjectors(
      eventsAddress: configuration.eventsAddress.description, postgresURL: postgres,
      clickHouseURL: clickhouse.flatMap(URL.init(string:)), clickHouseDatabase: clickhouseDatabase,
      logFile: try TimestampedLogFile(path: configuration.dataDirectory + "/projectors.log"))
  }

  /// The demo stream continues after the commands a previous run appended: drawing them again keeps
  /// the stream the one a single long run would have appended.
  static func demoStream(seed: UInt64, markets: Int, accounts: Int, skipping count: Int64) -> Workload {
    var workload = Workload(
      seed: seed, configuration: WorkloadConfiguration(marketCount: markets, accountCount: accounts))
    for _ in 0..<count { _ = workload.next() }
    return workload
  }

  private func printIntroduction(_ configuration: DevelopmentConfiguration) {
    let load = noLoad ? "no demo load" : "a demo load of \(Int(rate)) commands/s (seed \(seed))"
    let text = """
      tradelog dev: commands \(configuration.commandsAddress), events \(configuration.eventsAddress), \
      snapshots \(configuration.snapshotDirectory), \(load); the sequencer logs to \
      \(configuration.sequencerLogPath). Ctrl-C stops.

      """
    FileHandle.standardError.write(Data(text.utf8))
  }

  private func stopAfter(_ seconds: Double, _ stopRequest: StopRequest) {
    let thread = Thread {
      Thread.sleep(forTimeInterval: seconds)
      stopRequest.request()
    }
    thread.start()
  }

  /// The session blocks its thread: it gets one of its own, never one of Swift's cooperative pool.
  /// The status line lives on that thread too. Returns the error the session stopped with, if any.
  private static func runOnOwnThread(
    _ session: DevelopmentSession, _ stopRequest: StopRequest
  ) async -> DevelopmentError? {
    await withCheckedContinuation { continuation in
      let thread = Thread {
        let statusLine = ProgressLine(label: "tradelog dev")
        var last: DevelopmentStatus?
        do throws(DevelopmentError) {
          try session.run(stopRequest: stopRequest) { report in
            last = report
            statusLine.update(report.line)
          }
          statusLine.finish(last?.line ?? "stopped")
          continuation.resume(returning: nil)
        } catch {
          statusLine.finish(last?.line ?? "stopped")
          continuation.resume(returning: error)
        }
      }
      thread.name = "dev"
      thread.start()
    }
  }
}
