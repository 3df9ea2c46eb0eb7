import Foundation
import RecordLog
import Testing
import TradelogTestSupport
import TradelogWire

/// `tradelog audit`, the built binary, on logs the built sequencer wrote.
@Suite struct AuditCommandTests {
  /// Runs `tradelog sequencer` on 2,000 seeded commands until it has written every batch, then stops it.
  static func writeLogs(in directory: TemporaryDirectory) throws -> (commands: String, events: String) {
    let commands = directory.file("commands.db").path
    let events = directory.file("events.db").path
    try CommandLogFiles.append(SequencerCommandTests.workloadRecords(seed: 43, count: 2_000), to: commands)
    let sequencer = try SequencerProcess(
      commands: "sqlite:\(commands)", events: "sqlite:\(events)", snapshots: directory.file("snapshots").path,
      errorFile: directory.file("sequencer.err"))
    let caughtUp = try ExpectedEvents.waitForRecords(
      in: .sqlite(path: events), count: 2_000, timeout: .seconds(60))
    sequencer.send(SIGINT)
    #expect(sequencer.wait() == 0, "\(sequencer.standardError)")
    try #require(caughtUp, "\(sequencer.standardError)")
    return (commands, events)
  }

  @Test func anHonestLogPassesAndADoctoredOneFailsAtItsFirstDivergence() throws {
    let directory = try TemporaryDirectory(prefix: "audit-command-test")
    defer { directory.remove() }
    let (commands, events) = try Self.writeLogs(in: directory)
    let honest = try CommandLogFiles.runTradelog([
      "audit", "--commands", "sqlite:\(commands)", "--events", "sqlite:\(events)",
      "--snapshots", directory.file("snapshots").path, "--invariants-every", "500",
    ])
    #expect(honest.status == 0, "\(honest.standardError)")
    #expect(honest.outputText.hasPrefix("audit: PASSED\ncommands verified:  2000 "), "\(honest.outputText)")
    #expect(honest.outputText.contains("invariant checks:   4\nsnapshots checked:  1\n"))
    #expect(honest.standardError.contains("tradelog audit: 2000 commands verified"))

    // Batch seq 501 taken out: seq 502 stands where it belongs.
    var values = try CommandLogFiles.records(at: events).map(\.value)
    values.remove(at: 500)
    let doctored = directory.file("doctored.db").path
    try CommandLogFiles.append(values.map { NewRecord(value: $0) }, to: doctored)
    let failed = try CommandLogFiles.runTradelog([
      "audit", "--commands", "sqlite:\(commands)", "--events", "sqlite:\(doctored)",
    ])
    #expect(failed.status == 1, "\(failed.standardError)")
    let lines = CommandLogFiles.lines(failed.outputText)
    #expect(lines.first == "audit: FAILED (1 finding)")
    #expect(lines.contains { $0.hasPrefix("finding 1 (missingBatch): batches seq 501 to 501 are missing") })
    #expect(lines.contains { $0.hasPrefix("first divergence: seq 501, command position 500,") })
    let expected = try #require(lines.first { $0.hasPrefix("  expected: ") })
    let found = try #require(lines.first { $0.hasPrefix("  found:    ") })
    #expect(try EventBatchRecord(jsonLine: String(expected.dropFirst(12))).seq == 501)
    #expect(try EventBatchRecord(jsonLine: String(found.dropFirst(12))).seq == 502)
  }

  @Test func aLogThatCannotBeOpenedEndsWithStatusTwo() throws {
    let directory = try TemporaryDirectory(prefix: "audit-command-test")
    defer { directory.remove() }
    let missing = directory.file("missing.db").path
    let result = try CommandLogFiles.runTradelog([
      "audit", "--commands", "sqlite:\(missing)", "--events", "sqlite:\(missing)",
    ])
    #expect(result.status == 2)
    #expect(result.standardError.hasPrefix("tradelog audit: opening sqlite:\(missing) failed"))
    #expect(result.outputText.isEmpty)
  }
}
