import ArgumentParser
import Dispatch
import Foundation
import RecordLog
import TradelogServices

/// `tradelog sequencer`: the sequencer-matcher as a long-running process.
struct SequencerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sequencer",
    abstract: "Turn the commands log into the events log: one event batch per command.",
    discussion: """
      On start it claims the events log (a sequencer already running on it is fenced and stops), \
      loads the newest valid snapshot, replays the commands between that snapshot and the end of the \
      events log comparing every batch with the one written, then tails the commands log. It can be \
      killed at any instant: the next start continues without a gap or a duplicate.

      SIGINT or SIGTERM: the batch in hand is appended, a last snapshot written, exit status 0. \
      Exit status 3: fenced by another sequencer. Exit status 1: any other failure (the message says \
      what to do); restarting is always safe.

      Example: tradelog sequencer --commands sqlite:data/commands.db --events sqlite:data/events.db \
      --snapshots data/snapshots --snapshot-every 100000
      """)

  static let fencedExitCode: Int32 = 3

  @Option(
    help: ArgumentHelp("The commands log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var commands: String

  @Option(help: ArgumentHelp("The events log this sequencer writes.", valueName: "address"))
  var events: String

  @Option(help: ArgumentHelp("The snapshot directory (created if missing).", valueName: "directory"))
  var snapshots: String

  @Option(help: ArgumentHelp("Take a snapshot after N commands (0: never by count).", valueName: "N"))
  var snapshotEvery: Int = 100_000

  @Option(
    help: ArgumentHelp("Take a snapshot after this many seconds (0: never by time).", valueName: "seconds"))
  var snapshotInterval: Double = 60

  @Option(help: ArgumentHelp("How many snapshots to keep.", valueName: "K"))
  var snapshotsKeep: Int = 3

  @Option(
    help: ArgumentHelp(
      "The most commands per read; an events append groups what piled up meanwhile, up to 4 reads.",
      valueName: "N"))
  var batchSize: Int = 4_096

  @OptionGroup var log: LogOptions

  func validate() throws {
    guard snapshotEvery >= 0 else {
      throw ValidationError("--snapshot-every must be 0 or more, not \(snapshotEvery).")
    }
    guard snapshotInterval >= 0 else {
      throw ValidationError("--snapshot-interval must be 0 or more, not \(snapshotInterval).")
    }
    guard snapshotsKeep >= 1 else {
      throw ValidationError("--snapshots-keep must be at least 1, not \(snapshotsKeep).")
    }
    guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, not \(batchSize).") }
  }

  func run() async throws {
    ServiceMemory.keepFreedMemory()
    let stopRequest = StopRequest()
    // Before anything else, so a signal during recovery stops the process cleanly too.
    let signals = StopSignalSources(stopRequest: stopRequest)
    defer { signals.cancel() }
    let configuration = try makeConfiguration()
    let outcome = await Self.runOnOwnThread(configuration, stopRequest)
    if let error = outcome {
      Self.standardError("tradelog sequencer: \(error.message)")
      throw ExitCode(error.kind == .fenced ? Self.fencedExitCode : 1)
    }
  }

  private func makeConfiguration() throws -> SequencerConfiguration {
    let commandsAddress: LogAddress
    let eventsAddress: LogAddress
    do {
      commandsAddress = try LogAddress(parsing: commands)
      eventsAddress = try LogAddress(parsing: events)
    } catch {
      throw ValidationError(error.message)
    }
    // One set of options opens both logs; each address is checked against them (-X only for Kafka).
    _ = try log.openOptions(for: commandsAddress, createIfMissing: true)
    let logOptions = try log.openOptions(for: eventsAddress, createIfMissing: true)
    return SequencerConfiguration(
      commands: commandsAddress, events: eventsAddress, snapshotDirectory: snapshots,
      snapshotEveryCommands: snapshotEvery == 0 ? nil : snapshotEvery,
      snapshotInterval: snapshotInterval == 0 ? nil : .milliseconds(Int64(snapshotInterval * 1_000)),
      snapshotsKept: snapshotsKeep, batchSizeMax: batchSize, logOptions: logOptions,
      log: { Self.standardError($0) })
  }

  /// The sequencer blocks its thread (tailing reads, SQLite): it gets a thread of its own, never one
  /// of Swift's cooperative pool. Returns the error it stopped with, if any.
  private static func runOnOwnThread(
    _ configuration: SequencerConfiguration, _ stopRequest: StopRequest
  ) async -> SequencerError? {
    await withCheckedContinuation { (continuation: CheckedContinuation<SequencerError?, Never>) in
      let thread = Thread {
        do throws(SequencerError) {
          try Sequencer(configuration: configuration, stopRequest: stopRequest).run()
          continuation.resume(returning: nil)
        } catch {
          continuation.resume(returning: error)
        }
      }
      thread.name = "sequencer"
      // Room for the engine's deepest matching loops.
      thread.stackSize = 16 << 20
      thread.start()
    }
  }

  static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
