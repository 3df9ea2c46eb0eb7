import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

/// `tradelog tail` as a user runs it: the built binary on logs written by `submit`, by `replay`'s
/// event batches, or directly.
@Suite struct TailCommandTests {
  @Test func printsExactlyWhatIsThereThenExits() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("commands.db").path
    let commands = CommandLogFiles.commands(seed: 12, count: 40)
    try CommandLogFiles.append(commands.map { NewRecord(value: CommandEncoder.encode($0)) }, to: log)

    let all = try CommandLogFiles.runTradelog(["tail", "sqlite:\(log)"])
    let fromTen = try CommandLogFiles.runTradelog(["tail", "sqlite:\(log)", "--from", "10"])

    #expect(all.status == 0, "\(all.standardError)")
    let lines = CommandLogFiles.lines(all.outputText)
    #expect(lines.count == 40)
    for (position, line) in lines.enumerated() {
      #expect(line.hasPrefix("\(position)  "))
      #expect(line.contains("Z  command  "))
    }
    #expect(lines[0].hasSuffix("command  createMarket BTC-USD (BTC/USD, lot 1, tick 1, min 1, fees 0/0 bps)"))
    #expect(CommandLogFiles.lines(fromTen.outputText) == Array(lines[10...]))
  }

  @Test func jsonOfACommandsLogRoundTripsThroughSubmit() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let original = CommandLogFiles.jsonLines(CommandLogFiles.commands(seed: 13, count: 500))
    let first = directory.file("first.db").path
    let second = directory.file("second.db").path
    let submitted = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(first)"], input: original)
    #expect(submitted.status == 0, "\(submitted.standardError)")

    let tailed = try CommandLogFiles.runTradelog(["tail", "--json", "sqlite:\(first)"])
    let resubmitted = try CommandLogFiles.runTradelog(
      ["submit", "--commands", "sqlite:\(second)"], input: tailed.outputText)

    #expect(tailed.status == 0, "\(tailed.standardError)")
    #expect(tailed.outputText == original)
    #expect(resubmitted.status == 0, "\(resubmitted.standardError)")
    #expect(
      try CommandLogFiles.records(at: second).map(\.value) == CommandLogFiles.records(at: first).map(\.value))
  }

  @Test func eventBatchesPrintExactlyAsReplayWritesThem() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commandFile = directory.file("commands.jsonl")
    try CommandLogFiles.jsonLines(CommandLogFiles.commands(seed: 14, count: 300))
      .write(to: commandFile, atomically: true, encoding: .utf8)
    let replay = try CommandLogFiles.runTradelog([
      "replay", "--commands", commandFile.path, "--events-out", "-",
    ])
    #expect(replay.status == 0, "\(replay.standardError)")
    let batches = try CommandLogFiles.lines(replay.outputText).map { try EventBatchRecord(jsonLine: $0) }
    let log = directory.file("events.db").path
    try CommandLogFiles.append(batches.map { NewRecord(value: $0.serializedBytes()) }, to: log)

    let auto = try CommandLogFiles.runTradelog(["tail", "--json", "sqlite:\(log)"])
    let events = try CommandLogFiles.runTradelog(["tail", "--json", "--kind", "events", "sqlite:\(log)"])
    let summary = try CommandLogFiles.runTradelog(["tail", "sqlite:\(log)", "--from", "299"])

    #expect(auto.status == 0, "\(auto.standardError)")
    #expect(auto.outputText == replay.outputText)
    #expect(events.outputText == replay.outputText)
    #expect(summary.outputText.hasPrefix("299  "))
    #expect(summary.outputText.contains("events   seq 300 for command 299: "))
  }

  @Test func autoTellsCommandsAndEventBatchesApartPerRecord() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("mixed.db").path
    let deposit = Command.deposit(Transfer(account: 3, asset: Symbol("USD")!, amount: 500, transferId: 1))
    let cancel = Command.cancelOrder(CancelOrder(account: 3, orderId: 77))
    let batch = EventBatchRecord(
      seq: 1, commandOffset: 0, timestamp: 1_700_000_000_000,
      events: [.commandRejected(CommandRejected(reason: .malformed))],
      chainHash: [UInt8](repeating: 7, count: 32))
    try CommandLogFiles.append(
      [
        NewRecord(value: CommandEncoder.encode(deposit)),
        NewRecord(value: batch.serializedBytes()),
        // A cancel decodes as an EventBatch too (its field 5 reads as a chain hash), but with no seq.
        NewRecord(value: CommandEncoder.encode(cancel)),
        NewRecord(
          value: Array(CommandEncoder.encodeJSON(deposit).utf8),
          headers: [RecordHeader(name: "content-type", text: "application/json")]),
        NewRecord(value: []),
      ], to: log)

    let json = try CommandLogFiles.runTradelog(["tail", "--json", "sqlite:\(log)"])
    let summary = try CommandLogFiles.runTradelog(["tail", "sqlite:\(log)"])

    #expect(json.status == 0, "\(json.standardError)")
    #expect(
      CommandLogFiles.lines(json.outputText) == [
        CommandEncoder.encodeJSON(deposit), batch.jsonLine(), CommandEncoder.encodeJSON(cancel),
        CommandEncoder.encodeJSON(deposit), "{}",
      ])
    let kinds = CommandLogFiles.lines(summary.outputText).map {
      $0.split(separator: " ", omittingEmptySubsequences: true)[2]
    }
    #expect(kinds == ["command", "events", "command", "command", "command"])
    #expect(summary.outputText.contains("events   seq 1 for command 0: commandRejected(MALFORMED)"))
    #expect(summary.outputText.contains("command  unreadable"))
  }

  @Test func kindEventsStopsAtTheFirstRecordThatIsNotABatch() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("commands.db").path
    try CommandLogFiles.append(
      CommandLogFiles.commands(seed: 15, count: 3).map { NewRecord(value: CommandEncoder.encode($0)) },
      to: log)

    let result = try CommandLogFiles.runTradelog(["tail", "--kind", "events", "sqlite:\(log)"])

    #expect(result.status != 0)
    #expect(
      result.standardError.contains("the record at position 0 is not an event batch"),
      "\(result.standardError)")
    #expect(result.standardError.contains("use --kind commands"))
  }

  @Test func aMissingLogIsAnErrorAndIsNotCreated() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("none.db").path
    let result = try CommandLogFiles.runTradelog(["tail", "sqlite:\(log)"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("no log exists at sqlite:\(log)"), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: log))
  }

  @Test func followPrintsRecordsAppendedLaterUntilInterrupted() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = directory.file("commands.db").path
    let commands = CommandLogFiles.commands(seed: 16, count: 30)
    let records = commands.map { NewRecord(value: CommandEncoder.encode($0)) }
    try CommandLogFiles.append(Array(records[..<10]), to: log)
    let outputFile = directory.file("tail.out")
    #expect(FileManager.default.createFile(atPath: outputFile.path, contents: nil))
    let process = Process()
    process.executableURL = try BuiltProducts.tradelog
    process.arguments = ["tail", "--follow", "--json", "sqlite:\(log)"]
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }

    try waitForLines(10, in: outputFile)
    try CommandLogFiles.append(Array(records[10..<20]), to: log)
    try waitForLines(20, in: outputFile)
    try CommandLogFiles.append(Array(records[20...]), to: log)
    try waitForLines(30, in: outputFile)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()

    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    let output = try String(contentsOf: outputFile, encoding: .utf8)
    #expect(output == CommandLogFiles.jsonLines(commands))
  }

  /// Waits until `file` holds at least `count` lines, failing after `limit` (a guard against a hang,
  /// not a timing assertion).
  private func waitForLines(_ count: Int, in file: URL, limit: Duration = .seconds(30)) throws {
    let deadline = ContinuousClock.now + limit
    while true {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      if text.filter({ $0 == "\n" }).count >= count { return }
      try #require(
        ContinuousClock.now < deadline, "the follower printed \(text.count) bytes, not \(count) lines")
      Thread.sleep(forTimeInterval: 0.02)
    }
  }
}
