import Foundation
import RecordLog
import SnapshotStore
import Testing
import TradelogCore
import TradelogServices
import TradelogTestSupport
import TradelogWire

/// The sequencer in this process, on real SQLite logs and a real snapshot directory.
@Suite struct SequencerTests {
  let directory: TemporaryDirectory
  let commands: LogAddress
  let events: LogAddress
  let snapshots: String

  init() throws {
    directory = try TemporaryDirectory(prefix: "sequencer-test")
    commands = .sqlite(path: directory.file("commands.db").path)
    events = .sqlite(path: directory.file("events.db").path)
    snapshots = directory.file("snapshots").path
  }

  func configuration(snapshotEvery: Int? = nil, events: LogAddress? = nil) -> SequencerConfiguration {
    SequencerThread.configuration(
      commands: commands, events: events ?? self.events, snapshots: snapshots, snapshotEvery: snapshotEvery)
  }

  /// Runs a sequencer until the events log holds `count` batches, then stops it cleanly.
  @discardableResult
  func sequence(until count: Int64, snapshotEvery: Int? = nil, events: LogAddress? = nil) throws -> [String] {
    let sequencer = SequencerThread(
      configuration: configuration(snapshotEvery: snapshotEvery, events: events))
    let caughtUp = try SequencerTestSupport.waitForEvents(in: events ?? self.events, count: count)
    let outcome = sequencer.stop()
    #expect(caughtUp, "the sequencer did not reach \(count) batches: \(sequencer.lines)")
    #expect(outcome.finished && outcome.error == nil, "\(String(describing: outcome.error))")
    return sequencer.lines
  }

  func expectEventsLogIsTheReplayOfTheCommandsLog(_ events: LogAddress? = nil) throws {
    let expected = try SequencerTestSupport.expectedEventRecords(forCommandsIn: commands)
    let written = try SequencerTestSupport.allRecords(of: events ?? self.events)
    #expect(written.count == expected.count)
    #expect(written.map(\.value) == expected, "the events log differs from a fresh replay")
  }

  @Test func aWorkloadBecomesTheEventsLogOfAFreshReplay() throws {
    defer { directory.remove() }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 21, count: 20_000)
    try sequence(until: 20_000, snapshotEvery: 5_000)
    try expectEventsLogIsTheReplayOfTheCommandsLog()
    let batches = try SequencerTestSupport.allRecords(of: events).map {
      try EventBatchRecord(serializedBytes: $0.value)
    }
    #expect(batches.map(\.seq) == Array(1...20_000))
    #expect(batches.map(\.commandOffset) == Array(0..<20_000))
    var previousHash: [UInt8] = []
    for batch in batches {
      #expect(batch.chainHash == SHA256.hash(previousHash + batch.bytesForChainHash()))
      previousHash = batch.chainHash
    }
    // One every 5,000 commands and a last one at the stop; the newest three are kept. A snapshot
    // due while the writer is still busy with the previous one waits for a later batch, so on a
    // busy machine one may land a little after its multiple of 5,000; the count toward the next
    // starts when one is taken, so two scheduled ones are still 5,000 or more apart.
    let store = try SnapshotStore(directory: snapshots)
    let entries = try store.list()
    let kept = entries.map(\.commandPosition)
    #expect(kept.count == 3 && kept.first == 20_000, "kept: \(kept)")
    #expect(
      kept.count == 3 && kept[1] < 20_000 && kept[1] - kept[2] >= 5_000 && kept[2] >= 10_000, "kept: \(kept)")
    // Each snapshot is the state after the batch of the command before its position.
    for entry in entries {
      let point = try store.load(entry).point
      let batch = batches[Int(entry.commandPosition) - 1]
      #expect(
        point.lastSeq == batch.seq && point.chainHash == batch.chainHash,
        "snapshot at \(entry.commandPosition)")
    }
  }

  @Test func aCorruptNewestSnapshotAndNoSnapshotRecoverTheSameEventsLog() throws {
    defer { directory.remove() }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 22, count: 9_000)
    try sequence(until: 9_000, snapshotEvery: 2_000)
    let store = try SnapshotStore(directory: snapshots)
    let written = try store.list()
    let newest = try #require(written.first)
    #expect(newest.commandPosition == 9_000)
    // A snapshot falls due every 2,000 commands, but one is skipped while the writer is still busy
    // with the previous: which of them exist depends on the machine's speed.
    let previous = try #require(written.dropFirst().first, "only the snapshot of the stop was written")
    // Flip a byte in the middle: the newest is skipped, the previous one used and the rest checked.
    var bytes = [UInt8](try Data(contentsOf: URL(filePath: newest.path)))
    bytes[bytes.count / 2] ^= 0xff
    try Data(bytes).write(to: URL(filePath: newest.path))
    try SequencerTestSupport.appendWorkload(to: commands, seed: 22, skipping: 9_000, count: 3_000)
    let lines = try sequence(until: 12_000, snapshotEvery: 2_000)
    #expect(lines.contains { $0.hasPrefix("warning:") && $0.contains(newest.fileName) })
    #expect(lines.contains { $0.contains("snapshot at command position \(previous.commandPosition)") })
    #expect(
      lines.contains { $0.contains("replayed and checked seq \(previous.commandPosition + 1) to 9000") })
    try expectEventsLogIsTheReplayOfTheCommandsLog()
    // No snapshot at all: everything is replayed from the start against the events log, then continued.
    for entry in try store.list() { try FileManager.default.removeItem(atPath: entry.path) }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 22, skipping: 12_000, count: 1_000)
    let linesWithoutSnapshot = try sequence(until: 13_000)
    #expect(linesWithoutSnapshot.contains { $0.contains("no usable snapshot") })
    #expect(linesWithoutSnapshot.contains { $0.contains("replayed and checked seq 1 to 12000") })
    try expectEventsLogIsTheReplayOfTheCommandsLog()
    // And an events log written in one go, never recovered, holds the same bytes.
    let separate = LogAddress.sqlite(path: directory.file("events-separate.db").path)
    try FileManager.default.createDirectory(
      atPath: directory.file("other").path, withIntermediateDirectories: true)
    let sequencer = SequencerThread(
      configuration: SequencerThread.configuration(
        commands: commands, events: separate, snapshots: directory.file("other").path))
    #expect(try SequencerTestSupport.waitForEvents(in: separate, count: 13_000))
    #expect(sequencer.stop().error == nil)
    #expect(
      try SequencerTestSupport.allRecords(of: separate).map(\.value)
        == SequencerTestSupport.allRecords(of: events).map(\.value))
  }

  @Test func anEventsLogFromOtherCommandsStopsRecoveryWithoutWriting() throws {
    defer { directory.remove() }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 23, count: 2_000)
    try sequence(until: 2_000, snapshotEvery: 1_500)
    let otherCommands = LogAddress.sqlite(path: directory.file("other-commands.db").path)
    try SequencerTestSupport.appendWorkload(to: otherCommands, seed: 24, count: 3_000)
    let sequencer = SequencerThread(
      configuration: SequencerThread.configuration(
        commands: otherCommands, events: events, snapshots: directory.file("other-snapshots").path))
    let outcome = sequencer.join()
    #expect(outcome.error?.kind == .divergence, "\(String(describing: outcome.error))")
    #expect(outcome.error?.message.contains("at seq ") == true)
    #expect(try SequencerTestSupport.open(events).endPosition() == 2_000)
  }

  @Test func garbageAndJSONRecordsAreSequencedAndProcessingContinues() throws {
    defer { directory.remove() }
    let log = try SequencerTestSupport.open(commands)
    func deposit(_ transferId: UInt64) -> Command {
      .deposit(Transfer(account: 1, asset: Symbol("USD")!, amount: 500, transferId: transferId))
    }
    let json = RecordHeader(name: "content-type", text: "application/json")
    try log.append([
      NewRecord(value: CommandEncoder.encode(deposit(1))),
      NewRecord(value: [0xff, 0x01, 0x02, 0x03]),
      NewRecord(value: Array(CommandEncoder.encodeJSON(deposit(2)).utf8), headers: [json]),
      NewRecord(value: Array("{not json".utf8), headers: [json]),
      NewRecord(value: CommandEncoder.encode(deposit(3))),
    ])
    try sequence(until: 5)
    try expectEventsLogIsTheReplayOfTheCommandsLog()
    let batches = try SequencerTestSupport.allRecords(of: events).map {
      try EventBatchRecord(serializedBytes: $0.value)
    }
    let malformed: [Event] = [.commandRejected(CommandRejected(reason: .malformed))]
    #expect(batches[1].events == malformed)
    #expect(batches[3].events == malformed)
    #expect(batches[2].events.count == 1 && batches[2].events != malformed)
    #expect(batches[2].events.count == batches[0].events.count)
    #expect(batches[4].seq == 5)
  }

  @Test func aSecondSequencerFencesTheFirst() throws {
    defer { directory.remove() }
    try SequencerTestSupport.appendWorkload(to: commands, seed: 25, count: 1_000)
    let first = SequencerThread(configuration: configuration())
    #expect(try SequencerTestSupport.waitForEvents(in: events, count: 1_000))
    let second = SequencerThread(configuration: configuration())
    // Once the second has recovered, new commands reach both; only the second may append them.
    #expect(try waitForRecovery(of: second))
    try SequencerTestSupport.appendWorkload(to: commands, seed: 25, skipping: 1_000, count: 500)
    let outcome = first.join()
    #expect(outcome.error?.kind == .fenced, "\(String(describing: outcome.error))")
    #expect(outcome.error?.message.hasPrefix("fenced: another sequencer claimed the events log") == true)
    #expect(try SequencerTestSupport.waitForEvents(in: events, count: 1_500))
    #expect(second.stop().error == nil)
    try expectEventsLogIsTheReplayOfTheCommandsLog()
  }

  /// Waits for the last line recovery logs, whichever way it went.
  private func waitForRecovery(of sequencer: SequencerThread) throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      let recovered = sequencer.lines.contains {
        $0.hasPrefix("recovery: ")
          && ($0.contains("continuing at command position") || $0.contains("nothing to replay"))
      }
      if recovered { return true }
      Thread.sleep(forTimeInterval: 0.005)
    }
    return false
  }
}
