import ArgumentParser
import Foundation
import TradelogServices
import TradelogWire

/// `tradelog tail`: prints the records of a log, commands or event batches, and with --follow
/// keeps printing new ones until interrupted.
struct TailCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tail",
    abstract: "Print the records of a commands or events log, and follow it for new ones.",
    discussion: """
      Without --follow, prints the records the log holds when the command starts, from --from on, \
      and exits. With --follow, then waits for new records and prints them as they are appended, \
      until SIGINT or SIGTERM (exit status 0).

      What a record holds is decided per record with --kind auto (the default): an event batch if \
      it decodes as one with a seq of 1 or more and a 32-byte chain hash, as the sequencer writes \
      every batch; otherwise a command (JSON if its content-type header says so, protobuf \
      otherwise). --kind commands reads every record as a command; --kind events requires every \
      record to be an event batch and stops with an error at the first that is not.

      With --json, event batches are printed exactly as `tradelog replay --events-out` writes them \
      and commands exactly as `tradelog submit` reads them, so `tradelog tail --json` of a commands \
      log can be submitted again. A record that is not a command prints as {}, which submit \
      refuses (the sequencer rejects such a record as MALFORMED). Without --json, one line per \
      record: position, timestamp (UTC), kind, and a short description.

      Example: tradelog tail sqlite:events.db --from 1000 --follow
      """)

  @Argument(help: ArgumentHelp("The log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var address: String

  @Option(help: ArgumentHelp("The first position to print.", valueName: "position"))
  var from: Int64 = 0

  @Flag(help: "After printing what is there, wait for new records until interrupted.")
  var follow = false

  @Flag(help: "Print JSON lines (event batches as replay writes them, commands as submit reads them).")
  var json = false

  @Option(help: ArgumentHelp("What the records are: auto, commands or events.", valueName: "kind"))
  var kind: Kind = .auto

  @OptionGroup var log: LogOptions

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case auto, commands, events

    var selection: RecordKindSelection {
      switch self {
      case .auto: .auto
      case .commands: .commands
      case .events: .events
      }
    }
  }

  func validate() throws {
    guard from >= 0 else { throw ValidationError("--from must be a position, 0 or more, not \(from).") }
  }

  func run() throws {
    // Before the log is opened, so an early SIGINT still ends the command cleanly.
    let stopRequest = StopRequest()
    let signals = follow ? StopSignalSources(stopRequest: stopRequest) : nil
    defer { signals?.cancel() }
    let connection = try log.open(address, createIfMissing: false)
    let output = try BufferedOutput(path: "-")
    let summary = RecordSummary()
    let tail = LogTail(configuration: .init(from: from, follow: follow, kind: kind.selection))
    _ = try tail.run(
      connection,
      output: { entries in
        for entry in entries {
          try output.writeLine(json ? Self.jsonLine(entry.content) : summary.line(for: entry))
        }
        // Followers see each read's records at once, not when a buffer fills.
        try output.flush()
      },
      shouldStop: { stopRequest.isRequested })
    try output.close()
  }

  static func jsonLine(_ content: TailedRecord) -> String {
    switch content {
    case .eventBatch(let batch): batch.jsonLine()
    case .command(let command): CommandEncoder.encodeJSON(command)
    }
  }
}
