import ArgumentParser
import Foundation
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
  }

  func run() async throws {
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
    if let error = await Self.runOnOwnThread(session, stopRequest) {
      FileHandle.standardError.write(Data("tradelog dev: \(error.message)\n".utf8))
      throw ExitCode.failure
    }
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
