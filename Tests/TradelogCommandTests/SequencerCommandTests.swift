import Foundation
import RecordLog
import SnapshotStore
import Synchronization
import Testing
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// `tradelog sequencer` as operators run it: the built binary, killed, fenced and stopped.
@Suite struct SequencerCommandTests {
  /// `count` commands of a seeded workload as protobuf records.
  static func workloadRecords(seed: UInt64, count: Int) -> [NewRecord] {
    var workload = Workload(seed: seed)
    return (0..<count).map { _ in NewRecord(value: CommandEncoder.encode(workload.next()!)) }
  }

  static var testLogOptions: LogOpenOptions {
    var options = LogOpenOptions()
    options.sqlite.synchronous = .normal
    return options
  }

  @Test func killedAtRandomInstantsWhileCommandsArriveItLosesAndRepeatsNothing() throws {
    let directory = try TemporaryDirectory(prefix: "sequencer-kill")
    defer { directory.remove() }
    let commands = LogAddress.sqlite(path: directory.file("commands.db").path)
    let events = LogAddress.sqlite(path: directory.file("events.db").path)
    let snapshots = directory.file("snapshots").path
    let commandCount = 200_000
    let records = Self.workloadRecords(seed: 31, count: commandCount)
    // The producer appends 1,000 commands every 60 ms on a thread of its own, as a gateway would.
    let producerDone = Atomic<Bool>(false)
    let producerFailure = Mutex<String?>(nil)
    let producer = Thread {
      do {
        let log = try openLog(commands, options: Self.testLogOptions)
        for start in stride(from: 0, to: records.count, by: 1_000) {
          try log.append(Array(records[start..<min(start + 1_000, records.count)]))
          Thread.sleep(forTimeInterval: 0.06)
        }
      } catch {
        producerFailure.withLock { $0 = "\(error)" }
      }
      producerDone.store(true, ordering: .releasing)
    }
    _ = try openLog(commands, options: Self.testLogOptions)
    producer.start()

    let eventsLog = try openLog(events, options: Self.testLogOptions)
    var random = SimulationRandom(seed: 2_024)
    var errorOutputs: [String] = []
    for run in 0..<24 {
      let sequencer = try SequencerProcess(
        commands: commands.description, events: events.description, snapshots: snapshots,
        errorFile: directory.file("sequencer-\(run).err"), extraArguments: ["--snapshot-every", "5000"])
      // Each run first makes progress (an append past the last one's end, so that snapshots and
      // recovery from them happen however slow the machine is), then dies at a seeded instant. A
      // run that starts once every command is sequenced (a fast machine) has none to make: it dies
      // idle, without waiting for progress that cannot come.
      let endBefore = try eventsLog.endPosition()
      let isAllSequenced = endBefore >= Int64(commandCount)
      _ = try ExpectedEvents.waitForRecords(
        in: events, count: min(endBefore + 1, Int64(commandCount)), timeout: .seconds(60))
      // Every sixth run also lives until it has written a snapshot, so that the runs after it
      // recover from one however slowly this machine writes them.
      if run % 6 == 5, !isAllSequenced {
        _ = try Self.waitForNewSnapshot(in: snapshots, newerThan: endBefore)
      }
      Thread.sleep(forTimeInterval: Double(random.inRange(0...600)) / 1_000)
      sequencer.send(SIGKILL)
      #expect(sequencer.wait() == SIGKILL, "run \(run) exited by itself: \(sequencer.standardError)")
      errorOutputs.append(sequencer.standardError)
    }
    let last = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: snapshots,
      errorFile: directory.file("sequencer-last.err"), extraArguments: ["--snapshot-every", "5000"])
    while !producerDone.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.05) }
    let caughtUp = try ExpectedEvents.waitForRecords(
      in: events, count: Int64(commandCount), timeout: .seconds(120))
    last.waitUntilStarted()
    last.send(SIGTERM)
    #expect(last.wait() == 0, "\(last.standardError)")
    try #require(producerFailure.withLock { $0 } == nil)
    try #require(caughtUp, "the sequencer did not catch up: \(last.standardError)")

    let written = try ExpectedEvents.allValues(of: events)
    let expected = try ExpectedEvents.records(forCommandsIn: commands)
    #expect(expected.count == commandCount)
    #expect(written.count == commandCount, "a gap or a duplicate: \(written.count) batches")
    #expect(written == expected, "the events log differs from a fresh replay of the commands log")
    // Recovery ran from snapshots as well as from the events log alone.
    let recoveries = (errorOutputs + [last.standardError]).joined(separator: "\n")
    #expect(recoveries.contains("recovery: snapshot at command position"))
    #expect(recoveries.contains("recovery: replayed and checked"))
  }

  @Test func aSecondSequencerProcessFencesTheFirst() throws {
    let directory = try TemporaryDirectory(prefix: "sequencer-fence")
    defer { directory.remove() }
    let commands = LogAddress.sqlite(path: directory.file("commands.db").path)
    let events = LogAddress.sqlite(path: directory.file("events.db").path)
    let records = Self.workloadRecords(seed: 32, count: 2_000)
    try SecondSequencerFencing.run(
      commands: commands, events: events, producer: try openLog(commands, options: Self.testLogOptions),
      records: records, directory: directory,
      snapshots: (directory.file("snapshots").path, directory.file("snapshots").path)
    ) { count in try ExpectedEvents.waitForRecords(in: events, count: Int64(count), timeout: .seconds(60)) }
    #expect(try ExpectedEvents.allValues(of: events) == ExpectedEvents.records(forCommandsIn: commands))
  }

  /// Waits up to a minute for a snapshot past `position` to appear in `directory`.
  static func waitForNewSnapshot(in directory: String, newerThan position: Int64) throws -> Bool {
    let store = try SnapshotStore(directory: directory)
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      if let newest = try store.list().first, newest.commandPosition > position { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return false
  }
}
