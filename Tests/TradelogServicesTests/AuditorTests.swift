import Foundation
import RecordLog
import SnapshotStore
import Testing
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// The auditor on real SQLite logs written by the sequencer in this process, honest and doctored.
@Suite struct AuditorTests {
  let directory: TemporaryDirectory
  let commands: LogAddress
  let events: LogAddress
  let snapshots: String

  init() throws {
    directory = try TemporaryDirectory(prefix: "auditor-test")
    commands = .sqlite(path: directory.file("commands.db").path)
    events = .sqlite(path: directory.file("events.db").path)
    snapshots = directory.file("snapshots").path
  }

  func log(_ name: String) -> LogAddress { .sqlite(path: directory.file(name).path) }

  /// The sequencer turns `commands` into `events` and stops once it has written `count` batches.
  func sequence(until count: Int64, snapshotEvery: Int? = nil) throws {
    let sequencer = SequencerThread(
      configuration: SequencerThread.configuration(
        commands: commands, events: events, snapshots: snapshots, snapshotEvery: snapshotEvery))
    let caughtUp = try SequencerTestSupport.waitForEvents(in: events, count: count)
    let outcome = sequencer.stop()
    try #require(caughtUp && outcome.finished && outcome.error == nil, "\(sequencer.lines)")
  }

  /// 3,000 seeded commands and their events log, with timestamps a copy can reproduce.
  func writeSmallLogs(snapshotEvery: Int? = nil) throws -> [NewRecord] {
    let records = AuditorTestSupport.workloadRecords(seed: 41, count: 3_000)
    try AuditorTestSupport.appendCommands(records, to: commands)
    try sequence(until: 3_000, snapshotEvery: snapshotEvery)
    return records
  }

  func audit(
    commands: LogAddress? = nil, events: LogAddress? = nil, snapshots: String? = nil,
    invariantsEvery: Int = 1_000, requireComplete: Bool = false
  ) throws -> AuditReport {
    let configuration = AuditConfiguration(
      commands: commands ?? self.commands, events: events ?? self.events, snapshotDirectory: snapshots,
      invariantsEvery: invariantsEvery,
      invariantCheck: { engine in InvariantChecker().violations(of: engine).map(\.description) },
      requireComplete: requireComplete, commandsLogOptions: SequencerTestSupport.logOptions,
      eventsLogOptions: SequencerTestSupport.logOptions)
    return try Auditor(configuration: configuration).run()
  }

  func eventValues() throws -> [[UInt8]] {
    try SequencerTestSupport.allRecords(of: events).map(\.value)
  }

  /// The report names `kind` at `seq` (command position `seq - 1`) as its only finding and first divergence.
  func expectDivergence(_ report: AuditReport, _ kind: AuditFinding.Kind, seq: UInt64) throws {
    #expect(!report.passed)
    #expect(report.findings.map(\.kind) == [kind], "\(report.text)")
    #expect(report.findings.first?.seq == seq)
    let divergence = try #require(report.divergence)
    #expect(divergence.seq == seq && divergence.commandPosition == Int64(seq - 1))
    #expect(report.commandsVerified == Int(seq - 1))
    #expect(report.text.contains("first divergence: seq \(seq), command position \(seq - 1)"))
  }

  @Test func anHonestLogOfAHundredThousandCommandsPasses() throws {
    defer { directory.remove() }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 40, count: 100_000, batchSize: 5_000)
    try sequence(until: 100_000, snapshotEvery: 25_000)
    let report = try audit(snapshots: snapshots, invariantsEvery: 10_000)
    #expect(report.passed, "\(report.text)")
    #expect(report.commandsVerified == 100_000)
    #expect(report.batchesRead == 100_000)
    #expect(report.invariantChecks == 10)
    #expect(report.snapshotsChecked == 3)
    #expect(report.notes.isEmpty)
    let newest = try #require(try SnapshotStore(directory: snapshots).list().first)
    #expect(try SnapshotStore(directory: snapshots).load(newest).header.stateHash == report.stateHash)
    #expect(report.text.hasPrefix("audit: PASSED\ncommands verified:  100000"))
  }

  @Test func aBatchChangedInPlaceBreaksTheChainAtItsSeq() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    var values = try eventValues()
    let altered = try AuditorTestSupport.alteringADeposit(in: &values, from: 1_200)
    try AuditorTestSupport.writeEvents(values, to: log("doctored.db"))
    let report = try audit(events: log("doctored.db"))
    try expectDivergence(report, .brokenChain, seq: UInt64(altered + 1))
    #expect(report.divergence?.differingFields == ["events"])
    #expect(
      report.divergence?.expectedJSON
        == (try EventBatchRecord(serializedBytes: try eventValues()[altered])).jsonLine())
  }

  @Test func aBatchRewrittenWithTheChainRecomputedAfterItIsCaughtAtItsSeq() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    var values = try eventValues()
    let altered = try AuditorTestSupport.alteringADeposit(in: &values, from: 1_500)
    try AuditorTestSupport.writeEvents(
      try AuditorTestSupport.rechained(values, from: altered), to: log("doctored.db"))
    let report = try audit(events: log("doctored.db"))
    try expectDivergence(report, .eventsDiffer, seq: UInt64(altered + 1))
    #expect(report.divergence?.differingFields == ["events", "chainHash"])
  }

  @Test func aMissingBatchIsReportedAtItsSeq() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    var values = try eventValues()
    values.remove(at: 2_100)
    try AuditorTestSupport.writeEvents(values, to: log("doctored.db"))
    try expectDivergence(try audit(events: log("doctored.db")), .missingBatch, seq: 2_101)
  }

  @Test func aDuplicatedBatchIsReportedWhereTheNextSeqBelongs() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    var values = try eventValues()
    values.insert(values[999], at: 1_000)
    try AuditorTestSupport.writeEvents(values, to: log("doctored.db"))
    try expectDivergence(try audit(events: log("doctored.db")), .duplicateBatch, seq: 1_001)
  }

  @Test func aCommandReplacedAfterItsEventsWereWrittenIsReportedAtItsPosition() throws {
    defer { directory.remove() }
    var records = try writeSmallLogs()
    let replacement = Command.deposit(
      Transfer(account: 1, asset: try #require(Symbol("USD")), amount: 777, transferId: 9_999_999))
    records[1_700] = NewRecord(value: CommandEncoder.encode(replacement))
    try AuditorTestSupport.appendCommands(records, to: log("replaced.db"))
    let report = try audit(commands: log("replaced.db"))
    try expectDivergence(report, .eventsDiffer, seq: 1_701)
    #expect(report.divergence?.commandJSON == CommandEncoder.encodeJSON(replacement))
  }

  @Test func anEventsLogBehindIsANoteUnlessCompletenessIsRequired() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    try AuditorTestSupport.writeEvents(Array(try eventValues().prefix(2_990)), to: log("behind.db"))
    let lenient = try audit(events: log("behind.db"))
    #expect(lenient.passed, "\(lenient.text)")
    #expect(lenient.commandsVerified == 2_990)
    #expect(lenient.notes.count == 1 && lenient.notes[0].contains("from position 2990 to 2999"))
    let strict = try audit(events: log("behind.db"), requireComplete: true)
    #expect(strict.findings.map(\.kind) == [.eventsLogIncomplete])
  }

  @Test func batchesWithoutCommandsAreAFinding() throws {
    defer { directory.remove() }
    let records = try writeSmallLogs()
    try AuditorTestSupport.appendCommands(Array(records.prefix(2_995)), to: log("shorter.db"))
    let report = try audit(commands: log("shorter.db"))
    #expect(report.findings.map(\.kind) == [.batchWithoutCommand], "\(report.text)")
    #expect(report.findings.first?.seq == 2_996)
    #expect(report.commandsVerified == 2_995 && report.batchesRead == 3_000)
    #expect(report.divergence?.eventsPosition == 2_995 && report.divergence?.commandPosition == nil)
  }

  @Test func aSnapshotHoldingAnotherStateIsReportedAtItsPosition() throws {
    defer { directory.remove() }
    _ = try writeSmallLogs()
    let store = try SnapshotStore(directory: snapshots)
    let batches = try eventValues().map { try EventBatchRecord(serializedBytes: $0) }
    func point(_ position: Int) -> SnapshotPoint {
      SnapshotPoint(
        commandPosition: Int64(position), lastSeq: UInt64(position),
        chainHash: batches[position - 1].chainHash)
    }
    // An honest snapshot at 1,000; at 2,000 the state one command earlier under a consistent header.
    var engine = Engine()
    var buffer = EventBuffer(capacity: 64)
    for (index, record) in try SequencerTestSupport.allRecords(of: commands).prefix(2_000).enumerated() {
      if index == 1_000 { try store.write(point: point(1_000), body: engine.encodeSnapshotBody()) }
      if index == 1_999 { try store.write(point: point(2_000), body: engine.encodeSnapshotBody()) }
      engine.apply(
        CommandRecordDecoder.command(of: record), timestamp: record.timestampMilliseconds, into: &buffer)
    }
    let report = try audit(snapshots: snapshots)
    #expect(report.findings.map(\.kind) == [.snapshotStateDiffers], "\(report.text)")
    #expect(report.findings.first?.commandPosition == 2_000)
    // The sequencer's own snapshot at its stop (3,000) is checked too, and passes.
    #expect(try store.list().map(\.commandPosition) == [3_000, 2_000, 1_000])
    #expect(report.snapshotsChecked == 3)
    #expect(report.commandsVerified == 3_000 && report.divergence == nil)
  }

  @Test func aMissingLogIsAnErrorNotAnEmptyPass() throws {
    defer { directory.remove() }
    #expect(throws: AuditError.self) { try audit(commands: log("nothing-here.db")) }
    #expect(!FileManager.default.fileExists(atPath: directory.file("nothing-here.db").path))
  }
}
