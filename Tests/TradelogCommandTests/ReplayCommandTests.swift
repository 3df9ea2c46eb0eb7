import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// `tradelog replay` as a user runs it: the built binary, in its own process.
@Suite struct ReplayCommandTests {
  /// A seeded workload written as a JSON-lines command file, with a few lines no decoder can read.
  static func writeCommandFile(to url: URL, seed: UInt64, count: Int) throws {
    var workload = Workload(seed: seed)
    var lines: [String] = []
    for index in 0..<count {
      lines.append(CommandEncoder.encodeJSON(workload.next()!))
      if index == 100 { lines.append("this is not JSON") }
      if index == 200 { lines.append("") }
    }
    try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func twoRunsInSeparateProcessesWriteIdenticalBytes() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = directory.file("commands.jsonl")
    try Self.writeCommandFile(to: commands, seed: 7, count: 20_000)
    var outputs: [(events: Data, books: Data, summary: String)] = []
    for run in 0..<2 {
      let events = directory.file("events-\(run).jsonl")
      let books = directory.file("books-\(run).jsonl")
      let result = try Subprocess.run(
        try BuiltProducts.tradelog.path,
        [
          "replay", "--commands", commands.path, "--events-out", events.path, "--book-out", books.path,
          "--book-every", "1000", "--book-depth", "5",
        ])
      #expect(result.status == 0, "\(result.standardError)")
      outputs.append((try Data(contentsOf: events), try Data(contentsOf: books), result.outputText))
    }
    #expect(outputs[0].events == outputs[1].events)
    #expect(outputs[0].books == outputs[1].books)
    let hashLines = outputs.map { $0.summary.split(separator: "\n").filter { $0.hasPrefix("state hash:") } }
    #expect(hashLines[0].count == 1 && hashLines[0] == hashLines[1])
    #expect(outputs[0].summary.contains("commands:    20002"))
  }

  @Test func eventBatchesAreChainedAndMatchAnEngineRunInProcess() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = directory.file("commands.jsonl")
    try Self.writeCommandFile(to: commands, seed: 11, count: 3_000)
    let result = try Subprocess.run(
      try BuiltProducts.tradelog.path, ["replay", "--commands", commands.path, "--events-out", "-"])
    #expect(result.status == 0, "\(result.standardError)")
    let batches = try result.outputText.split(separator: "\n").map {
      try EventBatchRecord(jsonLine: String($0))
    }
    let lines = try String(contentsOf: commands, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .dropLast()
    try #require(batches.count == lines.count)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    var previousHash: [UInt8] = []
    for (position, line) in lines.enumerated() {
      engine.apply(CommandDecoder.decode(jsonLine: String(line)), timestamp: Int64(position), into: &buffer)
      let batch = batches[position]
      #expect(batch.seq == UInt64(position + 1))
      #expect(batch.commandOffset == UInt64(position))
      #expect(batch.events == buffer.events)
      #expect(batch.chainHash == SHA256.hash(previousHash + batch.bytesForChainHash()))
      previousHash = batch.chainHash
    }
    // The lines no decoder could read are MALFORMED commands, not errors.
    #expect(batches[101].events == [.commandRejected(CommandRejected(reason: .malformed))])
    #expect(batches[202].events == [.commandRejected(CommandRejected(reason: .malformed))])
  }

  @Test func replayingACommandsLogWritesTheBatchesTheSequencerWrote() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let commands = LogAddress.sqlite(path: directory.file("commands.db").path)
    let events = LogAddress.sqlite(path: directory.file("events.db").path)
    try openLog(commands).append(SequencerCommandTests.workloadRecords(seed: 43, count: 5_000))
    let sequencer = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: directory.file("snapshots").path,
      errorFile: directory.file("sequencer.err"))
    let caughtUp = try ExpectedEvents.waitForRecords(in: events, count: 5_000, timeout: .seconds(60))
    sequencer.waitUntilStarted()
    sequencer.send(SIGTERM)
    #expect(sequencer.wait() == 0, "\(sequencer.standardError)")
    try #require(caughtUp)
    let eventsOut = directory.file("events.jsonl")
    let result = try Subprocess.run(
      try BuiltProducts.tradelog.path,
      ["replay", "--commands", commands.description, "--events-out", eventsOut.path])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.outputText.contains("commands:    5000\n"))
    let replayed = try String(contentsOf: eventsOut, encoding: .utf8).split(separator: "\n").map(String.init)
    let written = try ExpectedEvents.allValues(of: events).map {
      try EventBatchRecord(serializedBytes: $0).jsonLine()
    }
    #expect(replayed.count == 5_000)
    #expect(replayed == written)
  }

  @Test func missingCommandFileIsAClearError() throws {
    let result = try Subprocess.run(
      try BuiltProducts.tradelog.path, ["replay", "--commands", "/nonexistent/commands.jsonl"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("cannot read /nonexistent/commands.jsonl"))
  }
}
