import ArgumentParser
import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation

/// `tradelog audit`: replays the commands log from the start and proves the events log (and the
/// snapshots) are what it leads to, or says where they are not.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Replay the commands log and check the events log and the snapshots against it, byte for byte.",
    discussion: """
      Every command is applied to a fresh engine exactly as the sequencer applies it; each event \
      batch it derives must equal the events log's batch with that seq (seq gapless from 1, one batch \
      per command, the chain hash verified). The engine's invariants are checked every \
      --invariants-every commands and at the end; each snapshot in --snapshots must hold the \
      replay's state at its position and the events log's seq and chain hash.

      Progress goes to standard error, the report to standard output. An events log that ends \
      before the commands log (the sequencer is behind) is a note unless --require-complete.

      Exit status: 0 passed, 1 findings (the report names the first divergence), 2 the audit could \
      not run (a log or directory cannot be opened or read, a bad option value).

      Example: tradelog audit --commands sqlite:data/commands.db --events sqlite:data/events.db \
      --snapshots data/snapshots
      """)

  static let findingsExitCode: Int32 = 1
  static let cannotRunExitCode: Int32 = 2

  @Option(
    help: ArgumentHelp("The commands log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var commands: String

  @Option(help: ArgumentHelp("The events log the sequencer wrote from it.", valueName: "address"))
  var events: String

  @Option(help: ArgumentHelp("The sequencer's snapshot directory, to check too.", valueName: "directory"))
  var snapshots: String?

  @Option(help: ArgumentHelp("Check the engine's invariants after every N commands.", valueName: "N"))
  var invariantsEvery: Int = AuditConfiguration.invariantsEveryDefault

  @Flag(help: "An events log that ends before the commands log is a finding, not a note.")
  var requireComplete = false

  @OptionGroup var log: LogOptions

  func run() throws {
    let configuration: AuditConfiguration
    let report: AuditReport
    let progressLine = ProgressLine(label: "tradelog audit")
    do {
      configuration = try makeConfiguration()
      report = try Auditor(configuration: configuration).run { progressLine.update($0.line) }
    } catch {
      // Usage and I/O errors alike: the audit did not run to its end, which is not a verdict.
      FileHandle.standardError.write(Data("tradelog audit: \(error)\n".utf8))
      throw ExitCode(Self.cannotRunExitCode)
    }
    progressLine.finish(
      "\(report.commandsVerified) commands verified, \(Int(report.commandsPerSecond.rounded()))/s")
    print(report.text, terminator: "")
    if !report.passed { throw ExitCode(Self.findingsExitCode) }
  }

  private func makeConfiguration() throws -> AuditConfiguration {
    guard invariantsEvery >= 1 else {
      throw LogOptionsError(message: "--invariants-every must be at least 1, not \(invariantsEvery).")
    }
    let commandsAddress: LogAddress
    let eventsAddress: LogAddress
    do {
      commandsAddress = try LogAddress(parsing: commands)
      eventsAddress = try LogAddress(parsing: events)
    } catch {
      throw LogOptionsError(message: error.message)
    }
    return AuditConfiguration(
      commands: commandsAddress, events: eventsAddress, snapshotDirectory: snapshots,
      invariantsEvery: invariantsEvery, invariantCheck: Self.invariantViolations,
      requireComplete: requireComplete,
      commandsLogOptions: try log.openOptions(for: commandsAddress, createIfMissing: false),
      eventsLogOptions: try log.openOptions(for: eventsAddress, createIfMissing: false))
  }

  @Sendable static func invariantViolations(of engine: Engine) -> [String] {
    InvariantChecker().violations(of: engine).map { "\($0.kind): \($0.description)" }
  }
}
