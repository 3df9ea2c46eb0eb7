import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

/// `tradelog submit` as a user runs it: the built binary on a file or standard input, then the
/// log read back.
@Suite struct SubmitCommandTests {
  @Test func appendsEveryLineOfAFileInOrderAndPrintsEachPosition() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = CommandLogFiles.commands(seed: 5, count: 300)
    let file = directory.file("commands.jsonl")
    try CommandLogFiles.jsonLines(commands).write(to: file, atomically: true, encoding: .utf8)
    let log = directory.file("commands.db").path

    let result = try CommandLogFiles.runTradelog([
      "submit", "--commands", "sqlite:\(log)", "--batch-size", "64", file.path,
    ])

    #expect(result.status == 0, "\(result.standardError)")
    #expect(CommandLogFiles.lines(result.outputText) == (0..<300).map { String($0) })
    #expect(result.standardError.contains("appended 300 commands (positions 0–299)"))
    let records = try CommandLogFiles.records(at: log)
    #expect(records.map(\.value) == commands.map(CommandEncoder.encode))
  }

  @Test func aBadLineStopsWithItsNumberAndEverythingBeforeItAppended() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = CommandLogFiles.commands(seed: 6, count: 15)
    let text =
      CommandLogFiles.jsonLines(Array(commands[..<10])) + #"{"placeOrder":{"sidee":"BUY"}}"# + "\n"
      + CommandLogFiles.jsonLines(Array(commands[10...]))
    let log = directory.file("commands.db").path

    // Batches of 4: the 2 commands read after the last full batch are appended before it stops.
    let result = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(log)", "--batch-size", "4"], input: text)

    #expect(result.status == 1)
    #expect(result.standardError.contains("line 11 is not a command"), "\(result.standardError)")
    #expect(result.standardError.contains(#"the field "sidee""#))
    #expect(result.standardError.contains("appended 10 commands (positions 0–9)"))
    #expect(result.standardError.contains("nothing from line 11 on was appended"))
    #expect(CommandLogFiles.lines(result.outputText) == (0..<10).map { String($0) })
    #expect(try CommandLogFiles.records(at: log).map(\.value) == commands[..<10].map(CommandEncoder.encode))
  }

  @Test func skipBadAppendsTheGoodLinesAndReportsEachBadOne() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = CommandLogFiles.commands(seed: 7, count: 6)
    let text =
      CommandLogFiles.jsonLines(Array(commands[..<3])) + "not json\n"
      + CommandLogFiles.jsonLines(Array(commands[3...]))
      + "{}\n"
    let log = directory.file("commands.db").path

    let result = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(log)", "--skip-bad", "--quiet"], input: text)

    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.outputText.isEmpty)
    #expect(result.standardError.contains("skipped line 4: it is not valid JSON"))
    #expect(result.standardError.contains("skipped line 8: the object names no command"))
    #expect(result.standardError.contains("appended 6 commands (positions 0–5), skipped 2 bad lines (4, 8)"))
    #expect(try CommandLogFiles.records(at: log).map(\.value) == commands.map(CommandEncoder.encode))
  }

  @Test func readsStandardInputSkippingBlankLinesAndAppendsToWhatIsThere() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = CommandLogFiles.commands(seed: 8, count: 5)
    let log = directory.file("commands.db").path
    let first = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(log)"], input: CommandLogFiles.jsonLines(Array(commands[..<2])))
    #expect(first.status == 0, "\(first.standardError)")

    // Blank lines, a CRLF line ending and a last line without a line break.
    let lines = commands[2...].map(CommandEncoder.encodeJSON)
    let text = "\n" + lines[0] + "\r\n  \n" + lines[1] + "\n\n" + lines[2]
    let second = try CommandLogFiles.runTradelog(["submit", "--commands", "sqlite:\(log)", "-"], input: text)

    #expect(second.status == 0, "\(second.standardError)")
    #expect(CommandLogFiles.lines(second.outputText) == ["2", "3", "4"])
    #expect(try CommandLogFiles.records(at: log).map(\.value) == commands.map(CommandEncoder.encode))
  }

  @Test(arguments: [
    ("{", "it is not valid JSON"),
    ("[1, 2]", "it is not a JSON object"),
    ("{}", "the object names no command"),
    (#"{"order":{}}"#, #"the field "order" is not in the tradelog.v1 schema"#),
    (#"{"placeOrder":{"side":"UP"}}"#, "an enumeration value is not one the schema knows"),
    (#"{"deposit":{"amount":"ten"}}"#, "a number is malformed or out of range"),
    (#"{"deposit":{},"withdraw":{}}"#, "the object holds more than one command"),
  ])
  func explainsWhyALineIsNotACommand(_ line: String, _ reason: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("commands.db").path

    let result = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(log)"], input: line + "\n")

    #expect(result.status == 1)
    #expect(result.standardError.contains("line 1 is not a command: \(reason)"), "\(result.standardError)")
    #expect(try CommandLogFiles.records(at: log).isEmpty)
  }

  @Test func aMissingInputFileIsAClearError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try CommandLogFiles.runTradelog([
      "submit", "--commands", "sqlite:\(directory.file("commands.db").path)",
      directory.file("none.jsonl").path,
    ])
    #expect(result.status != 0)
    #expect(result.standardError.contains("cannot read \(directory.file("none.jsonl").path)"))
  }
}
