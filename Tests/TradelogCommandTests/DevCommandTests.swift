import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// `tradelog dev`, run twice on one data directory: the second run resumes, and what the two left
/// behind is exactly what one sequencer and one seeded stream would have written.
@Suite struct DevCommandTests {
  @Test func twoRunsLeaveTheEventsAFreshReplayWritesAndOneContinuousDemoStream() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let data = directory.path + "/data"
    let dev = ["dev", "--data", data, "--rate", "4000", "--markets", "3", "--accounts", "50", "--seed", "9"]

    let first = try CommandLogFiles.runTradelog(dev + ["--duration", "2.5"])
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardError.contains("commands/s"), "no status line: \(first.standardError)")
    let afterFirst = try CommandLogFiles.records(at: data + "/commands.db").count
    #expect(afterFirst > 0)

    let second = try CommandLogFiles.runTradelog(dev + ["--duration", "2.5"])
    #expect(second.status == 0, "\(second.standardError)")
    let commands = try CommandLogFiles.records(at: data + "/commands.db")
    #expect(commands.count > afterFirst, "the second run appended nothing")

    // A stop lets the sequencer take in every appended command.
    let events = try CommandLogFiles.records(at: data + "/events.db")
    #expect(events.count == commands.count)

    // One seeded stream across both runs: record i is the stream's command i.
    var workload = Workload(seed: 9, configuration: WorkloadConfiguration(marketCount: 3, accountCount: 50))
    let firstDifference = commands.firstIndex { $0.value != CommandEncoder.encode(workload.next()!) }
    #expect(firstDifference == nil, "the commands log leaves the seeded stream at \(firstDifference ?? -1)")

    // The events log is exactly a fresh engine's replay of the commands log.
    let replay = try CommandLogFiles.runTradelog([
      "replay", "--commands", "sqlite:\(data)/commands.db", "--events-out", "-",
    ])
    #expect(replay.status == 0, "\(replay.standardError)")
    let written = events.map { record in
      (try? EventBatchRecord(serializedBytes: record.value).jsonLine()) ?? "undecodable"
    }
    #expect(CommandLogFiles.lines(replay.outputText) == written)

    // The second run resumed from a snapshot the first one left at its stop.
    let sequencerLog = try String(contentsOfFile: data + "/sequencer.log", encoding: .utf8)
    #expect(sequencerLog.contains("snapshot written"), "\(sequencerLog)")
  }

  @Test func badOptionsAreRefusedClearly() throws {
    let result = try CommandLogFiles.runTradelog(["dev", "--rate", "0"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("--rate must be a positive number"))
  }
}
