import RecordLog
import SnapshotStore
import TradelogCore

/// The sequencer-matcher: reads the commands log in batches, applies each command to the engine with
/// the record's log timestamp, seals one event batch per command into the hash chain, and appends a
/// read batch's event batches to the events log through an `EventsAppender`, which appends on a
/// thread of its own while the engine goes on.
///
/// Exactly once by construction (DESIGN.md): on start it claims the events log, loads the newest
/// usable snapshot, replays the commands between that snapshot and the last batch in the events log
/// with output compared byte for byte instead of written, and only then appends. A crash at any
/// instant leaves the events log a prefix of the one true output; the next start continues it.
///
/// `run()` blocks: call it on a thread of its own (the logs' tailing reads block). Not `Sendable`:
/// it owns its log connections.
public final class Sequencer {
  public let configuration: SequencerConfiguration
  let stopRequest: StopRequest
  let commands: any LogConnection
  let events: any LogConnection
  let store: SnapshotStore
  var engine = Engine()
  var chain = EventChain()
  /// The position of the next command record to apply.
  var nextCommandPosition: Int64 = 0
  var buffer = EventBuffer(capacity: 256)
  var snapshotSchedule: SnapshotSchedule
  var progress: SequencerProgress

  /// Opens both logs and the snapshot directory; nothing is read or claimed until `run()`.
  public init(
    configuration: SequencerConfiguration, stopRequest: StopRequest = StopRequest()
  ) throws(SequencerError) {
    self.configuration = configuration
    self.stopRequest = stopRequest
    do {
      commands = try openLog(configuration.commands, options: configuration.logOptions)
      events = try openLog(configuration.events, options: configuration.logOptions)
    } catch {
      throw SequencerError(error, while: "opening the logs")
    }
    do {
      store = try SnapshotStore(
        directory: configuration.snapshotDirectory, keepCount: configuration.snapshotsKept)
    } catch {
      throw SequencerError(error)
    }
    snapshotSchedule = SnapshotSchedule(
      everyCommands: configuration.snapshotEveryCommands, interval: configuration.snapshotInterval)
    progress = SequencerProgress(interval: configuration.progressInterval)
  }

  /// Recovers, then sequences until a stop is requested (returns after appending the batch in hand
  /// and writing a last snapshot) or something fails (throws; nothing half-written is left).
  public func run() throws(SequencerError) {
    configuration.log(
      "sequencer: commands \(configuration.commands), events \(configuration.events), snapshots "
        + "\(configuration.snapshotDirectory) (every \(configuration.snapshotEveryCommands.map(String.init) ?? "-") "
        + "commands or \(configuration.snapshotInterval.map { "\($0)" } ?? "-"), keep \(configuration.snapshotsKept)), "
        + "batches of up to \(configuration.batchSizeMax) commands")
    try recover()
    // From here on only the appender uses the events log connection: a reader left fetching would
    // read back every batch appended. (On a Kafka broker each append's check for a newer writer
    // reads the previous commit marker, which starts a reader again; see docs/sequencer.md.)
    events.stopReadingAhead()
    let appender = EventsAppender(events: events, pendingLimit: 4 * configuration.batchSizeMax)
    defer { appender.finish() }
    let writer = BackgroundSnapshotWriter(store: store, log: configuration.log)
    defer { writer.finish() }
    snapshotSchedule.started(at: ContinuousClock.now)
    while !stopRequest.isRequested {
      try checkNotFailed(appender)
      let records = try readCommands(waitingUpTo: configuration.idleWait)
      if !records.isEmpty { try sequence(records, appender: appender) }
      try takeSnapshotIfDue(writer: writer, appender: appender)
      reportProgressIfDue(lastSnapshot: writer.lastWritten)
    }
    try waitUntilAppended(appender)
    takeSnapshot(writer: writer, waitingForTheWriter: true)
    configuration.log(
      "sequencer: stopped at command position \(nextCommandPosition), events seq \(chain.nextSeq - 1)")
  }

  /// Applies `records` in order and hands their event batches to the appender.
  func sequence(_ records: [LogRecord], appender: EventsAppender) throws(SequencerError) {
    var outgoing: [NewRecord] = []
    outgoing.reserveCapacity(records.count)
    for record in records {
      engine.apply(
        CommandRecordDecoder.command(of: record), timestamp: record.timestampMilliseconds, into: &buffer)
      outgoing.append(NewRecord(value: chain.sealSerialized(buffer, commandOffset: UInt64(record.position))))
    }
    do {
      try appender.submit(outgoing)
    } catch {
      throw Self.appendFailed(error)
    }
    nextCommandPosition = records[records.count - 1].position + 1
    snapshotSchedule.applied(records.count)
    progress.applied(records.count)
  }

  func checkNotFailed(_ appender: EventsAppender) throws(SequencerError) {
    do {
      try appender.checkNotFailed()
    } catch {
      throw Self.appendFailed(error)
    }
  }

  /// Waits until every event batch handed to the appender is in the events log.
  func waitUntilAppended(_ appender: EventsAppender) throws(SequencerError) {
    do {
      try appender.waitUntilAppended()
    } catch {
      throw Self.appendFailed(error)
    }
  }

  /// An append failed: the engine is now ahead of the events log and this run cannot go on. A
  /// restart replays.
  private static func appendFailed(_ failure: EventsAppender.Failure) -> SequencerError {
    SequencerError(failure.error, while: "appending \(failure.recordCount) event batches")
  }

  func readCommands(waitingUpTo wait: Duration) throws(SequencerError) -> [LogRecord] {
    do {
      return try commands.read(
        from: nextCommandPosition, max: ReadLimit(records: configuration.batchSizeMax), waitingUpTo: wait)
    } catch {
      throw SequencerError(error, while: "reading the commands log from position \(nextCommandPosition)")
    }
  }

  /// Where the engine stands: what a snapshot taken now records.
  var currentPoint: SnapshotPoint {
    SnapshotPoint(
      commandPosition: nextCommandPosition, lastSeq: chain.nextSeq - 1, chainHash: chain.previousHash)
  }
}
