import ArgumentParser
import Foundation
import RecordLog
import TradelogServices

/// `tradelog submit`: appends the commands of a JSON-lines file (or standard input) to a commands
/// log as protobuf records.
struct SubmitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "submit",
    abstract: "Append JSON-lines commands from a file or standard input to a commands log.",
    discussion: """
      Each line is one command in the JSON form `tradelog workload` writes and `tradelog tail --json` \
      prints; it is decoded first and appended as a protobuf record. Blank lines are skipped. Lines \
      are appended in batches, and whatever has arrived is appended before waiting for more input, \
      so a pipe is appended as it flows.

      A line that is not a command stops the submission: every command before it has been appended, \
      none from it on; the error names the line and why it is not a command, and the exit status is \
      1. Fix the line and submit again from there. With --skip-bad, bad lines are reported on \
      standard error and skipped, and the others are appended.

      Standard output gets each appended record's position, one per line (nothing with --quiet); a \
      summary goes to standard error.

      Example: tradelog workload --count 1000 | tradelog submit --commands sqlite:commands.db
      """)

  @Option(
    help: ArgumentHelp("The commands log (sqlite:PATH or kafka://HOST:PORT/TOPIC).", valueName: "address"))
  var commands: String

  @Argument(help: ArgumentHelp("The JSON-lines file; standard input if omitted or -.", valueName: "file"))
  var file: String = "-"

  @Flag(help: "Skip lines that are not commands (each is reported) instead of stopping at the first.")
  var skipBad = false

  @Flag(help: "Print no positions, only the summary.")
  var quiet = false

  @Option(help: ArgumentHelp("Records per append (1 to 100,000).", valueName: "count"))
  var batchSize = 1_000

  @OptionGroup var log: LogOptions

  func validate() throws {
    guard (1...100_000).contains(batchSize) else {
      throw ValidationError("--batch-size must be 1 to 100,000, not \(batchSize).")
    }
  }

  func run() throws {
    let input = try InputLines(path: file)
    let connection = try log.open(commands, createIfMissing: true)
    let submitter = CommandSubmitter(
      configuration: .init(skipBadLines: skipBad, batchSizeMaximum: batchSize))
    let summary = try submitter.run(
      input, into: connection,
      appended: { positions in
        guard !quiet else { return }
        print(positions.map(String.init).joined(separator: "\n"))
        // (All streams: `stdout` itself is not concurrency-safe to name.) A reader of the pipe sees each batch's positions as soon as the batch is on the log.
        fflush(nil)
      },
      skipped: { line, error in
        Self.standardError("tradelog submit: skipped line \(line.number): \(error.reason)")
      })
    Self.standardError("tradelog submit: \(summary) to \(connection.address)")
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
