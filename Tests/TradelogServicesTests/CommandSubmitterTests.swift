import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogServices
import TradelogTestSupport
import TradelogWire

@Suite struct CommandSubmitterTests {
  static let deposits = (1...7).map {
    Command.deposit(Transfer(account: UInt64($0), asset: Symbol("USD")!, amount: 100, transferId: 1))
  }

  /// Submits `text` to a fresh embedded log; returns the outcome and every record of the log.
  private func submit(
    _ text: String, configuration: CommandSubmitter.Configuration
  ) throws -> (result: Result<SubmitSummary, ProducerError>, batches: [[Int64]], log: [LogRecord]) {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = directory.file("commands.jsonl")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let log = try openLog(.sqlite(path: directory.file("log.db").path))
    var batches: [[Int64]] = []
    let result = Result { () throws(ProducerError) in
      try CommandSubmitter(configuration: configuration).run(
        InputLines(path: file.path), into: log, appended: { batches.append($0) })
    }
    return (result, batches, try log.read(from: 0, max: 1_000))
  }

  private func lines(_ commands: some Sequence<Command>) -> String {
    commands.map { CommandEncoder.encodeJSON($0) + "\n" }.joined()
  }

  @Test func appendsInBatchesOfTheConfiguredSize() throws {
    let outcome = try submit(lines(Self.deposits), configuration: .init(batchSizeMaximum: 3))
    let summary = try outcome.result.get()
    #expect(outcome.batches == [[0, 1, 2], [3, 4, 5], [6]])
    #expect(summary.appended == 7 && summary.firstPosition == 0 && summary.lastPosition == 6)
    #expect(summary.resumeLine == 8)
    #expect(outcome.log.map(\.value) == Self.deposits.map(CommandEncoder.encode))
  }

  @Test func stopsAtABadLineWithEverythingBeforeItAppended() throws {
    let text = lines(Self.deposits[..<4]) + "\n" + "oops\n" + lines(Self.deposits[4...])
    let outcome = try submit(text, configuration: .init(batchSizeMaximum: 3))
    guard case .failure(.badLine(let line, let reason, let appended)) = outcome.result else {
      Issue.record("expected a bad line, got \(outcome.result)")
      return
    }
    #expect(line == 6)
    #expect(reason.contains("not valid JSON"))
    #expect(appended.appended == 4 && appended.blankLines == 1 && appended.resumeLine == 5)
    #expect(outcome.log.map(\.value) == Self.deposits[..<4].map(CommandEncoder.encode))
  }

  @Test func skippingBadLinesKeepsTheirNumbers() throws {
    let text = "{}\n" + lines(Self.deposits[..<2]) + "[]\n" + lines(Self.deposits[2...])
    let summary = try submit(text, configuration: .init(skipBadLines: true)).result.get()
    #expect(summary.skippedLines == [1, 4])
    #expect(summary.appended == 7)
    #expect(summary.description == "appended 7 commands (positions 0–6), skipped 2 bad lines (1, 4)")
  }
}
