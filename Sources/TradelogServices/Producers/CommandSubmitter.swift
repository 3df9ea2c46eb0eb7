import RecordLog
import TradelogCore
import TradelogWire

/// Appends the commands of a JSON-lines input to a log as protobuf command records: what
/// `tradelog submit` does.
///
/// Every line is decoded first (`JSONCommandLine`); blank lines are skipped. A line that is not a
/// command either stops the submission (the default) or is reported and skipped (`skipBadLines`).
/// When it stops, everything before the bad line has been appended and nothing after it: the error
/// names the line, so the user fixes it and resubmits from there, and no line is ever dropped
/// without a word.
///
/// Records are appended in batches of at most `batchSizeMaximum`, and whatever has been read is
/// appended before blocking for more input, so a producer fed through a pipe appends each line as
/// soon as it arrives.
public struct CommandSubmitter {
  public struct Configuration: Sendable {
    /// Continue past lines that are not commands, reporting each, instead of stopping at the first.
    public var skipBadLines: Bool
    /// Records per append: large enough to amortize a commit, small enough to bound memory.
    public var batchSizeMaximum: Int

    public init(skipBadLines: Bool = false, batchSizeMaximum: Int = 1_000) {
      precondition(batchSizeMaximum >= 1, "a batch holds at least one record")
      self.skipBadLines = skipBadLines
      self.batchSizeMaximum = batchSizeMaximum
    }
  }

  public let configuration: Configuration

  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// Reads `input` to its end and appends its commands to `log`. Calls `appended` with the
  /// positions of each batch as soon as it is on the log, and `skipped` for each bad line skipped.
  public func run(
    _ input: InputLines, into log: any LogConnection,
    appended: ([Int64]) -> Void = { _ in },
    skipped: (InputLines.Line, JSONCommandLineError) -> Void = { _, _ in }
  ) throws(ProducerError) -> SubmitSummary {
    var summary = SubmitSummary()
    var batch = PendingBatch()
    while let lines = try input.nextLines() {
      for line in lines {
        guard !JSONCommandLine.isBlank(line.text) else {
          summary.blankLines += 1
          continue
        }
        do {
          let command = try JSONCommandLine.command(from: line.text)
          batch.add(NewRecord(value: CommandEncoder.encode(command)), line: line.number)
        } catch {
          guard configuration.skipBadLines else {
            try flush(&batch, to: log, summary: &summary, appended: appended)
            throw .badLine(line: line.number, reason: error.reason, appended: summary)
          }
          summary.skippedLines.append(line.number)
          skipped(line, error)
        }
        if batch.records.count >= configuration.batchSizeMaximum {
          try flush(&batch, to: log, summary: &summary, appended: appended)
        }
      }
      // Append what arrived before waiting for more input.
      try flush(&batch, to: log, summary: &summary, appended: appended)
    }
    return summary
  }

  private func flush(
    _ batch: inout PendingBatch, to log: any LogConnection, summary: inout SubmitSummary,
    appended: ([Int64]) -> Void
  ) throws(ProducerError) {
    guard let firstLine = batch.firstLine else { return }
    summary.resumeLine = firstLine
    let positions: [Int64]
    do {
      positions = try log.append(batch.records)
    } catch {
      throw .appendFailed(error, appended: summary)
    }
    summary.appended += positions.count
    summary.firstPosition = summary.firstPosition ?? positions.first
    summary.lastPosition = positions.last ?? summary.lastPosition
    summary.resumeLine = batch.lastLine + 1
    batch = PendingBatch()
    appended(positions)
  }
}

/// The records read but not appended yet, and the lines they came from.
private struct PendingBatch {
  var records: [NewRecord] = []
  var firstLine: Int?
  var lastLine = 0

  mutating func add(_ record: NewRecord, line: Int) {
    records.append(record)
    firstLine = firstLine ?? line
    lastLine = line
  }
}
