import ArgumentParser
import Foundation
import TradelogCore
import TradelogServices
import TradelogSimulation

/// `tradelog replay`: runs a JSON-lines command file through a fresh engine, offline.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract:
      "Run a JSON-lines command file or a commands log through a fresh engine and report what it did.",
    discussion: """
      --commands may also be a commands log (sqlite:PATH or kafka://HOST:PORT/TOPIC): every record up \
      to the log's end is replayed with its own position and timestamp, so --events-out holds exactly \
      the batches the sequencer wrote to the events log, as JSON lines.

      Each line of a file is one command (a blank or unreadable line is a MALFORMED command, not \
      an error); its position is its 0-based line number and its timestamp equals its position. \
      Event batches are numbered and hash-chained exactly as the sequencer writes them, so two runs \
      on the same file write the same bytes.

      Example: tradelog replay --commands orders.jsonl --events-out events.jsonl \
      --book-out books.jsonl --book-every 1000 --book-depth 5
      """)

  @Option(
    help: ArgumentHelp("The JSON-lines command file, or a commands log address.", valueName: "path|address"))
  var commands: String

  @Option(help: ArgumentHelp("Write event batches as JSON lines here (- for stdout).", valueName: "path"))
  var eventsOut: String?

  @Option(help: ArgumentHelp("Write every market's top levels here as JSON lines.", valueName: "path"))
  var bookOut: String?

  @Option(help: ArgumentHelp("With --book-out: write the books after every K commands.", valueName: "K"))
  var bookEvery: Int = 1

  @Option(help: ArgumentHelp("With --book-out: how many price levels per side.", valueName: "N"))
  var bookDepth: Int = 10

  func validate() throws {
    guard bookEvery >= 1 else { throw ValidationError("--book-every must be at least 1, not \(bookEvery).") }
    guard bookDepth >= 1 else { throw ValidationError("--book-depth must be at least 1, not \(bookDepth).") }
    do {
      if try CommandFileReplay.logAddress(commands) != nil { return }
    } catch let error as ReplayError {
      throw ValidationError(error.description)
    }
    guard FileManager.default.isReadableFile(atPath: commands) else {
      throw ValidationError("--commands: cannot read \(commands). Check the path and its permissions.")
    }
  }

  func run() throws {
    let replay = CommandFileReplay(
      configuration: .init(
        commandsPath: commands, eventsOutputPath: eventsOut, bookOutputPath: bookOut,
        bookEvery: bookEvery, bookDepth: bookDepth))
    let summary: ReplaySummary
    do {
      summary = try replay.run()
    } catch let error as ReplayError {
      throw ValidationError(error.description)
    }
    // The summary goes to standard error when events go to standard output, so a pipe stays clean.
    let summaryText = Self.render(summary)
    if eventsOut == "-" {
      FileHandle.standardError.write(Data(summaryText.utf8))
    } else {
      print(summaryText, terminator: "")
    }
  }

  static func render(_ summary: ReplaySummary) -> String {
    var lines = [
      "commands:    \(summary.commands)",
      "commands/s:  \(Int(summary.commandsPerSecond.rounded()))",
      "events:      \(summary.events)",
      "trades:      \(summary.trades)",
    ]
    let rejections = summary.rejectionsByReason
    lines.append("rejections:  \(rejections.reduce(0) { $0 + $1.count })")
    for (reason, count) in rejections {
      lines.append("  \(reason.name): \(count)")
    }
    lines.append("state hash:  \(summary.stateHash.map { String($0, radix: 16).leftPadded(to: 2) }.joined())")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
