import AcceleratedSHA256
import RecordLog
import SnapshotStore
import TradelogCore

/// One run of an audit: the replaying engine, the chain it seals, the logs being read and the
/// report being written. `Auditor` opens what it reads; this does the checking.
struct AuditPass {
  let configuration: AuditConfiguration
  var commands: LogRecordStream
  var events: LogRecordStream
  let store: SnapshotStore?
  /// In ascending position order; those before `nextSnapshot` are done.
  let snapshots: [SnapshotStoreEntry]
  var nextSnapshot = 0
  var engine = Engine()
  var buffer = EventBuffer(capacity: 256)
  var chain = EventChain()
  var report = AuditReport()
  /// The position of the last command applied; -1 before the first.
  var lastAppliedPosition: Int64 = -1
  var commandsSinceInvariantCheck = 0
  /// The position after which the invariants last held, for the message of a later violation.
  var lastInvariantCheckPosition: Int64?
  /// After the first violation the invariants are not checked again: later ones follow from it.
  var invariantsBroken = false

  init(
    configuration: AuditConfiguration, commands: LogRecordStream, events: LogRecordStream,
    store: SnapshotStore?, snapshots: [SnapshotStoreEntry]
  ) {
    self.configuration = configuration
    self.commands = commands
    self.events = events
    self.store = store
    self.snapshots = snapshots
    report.commandsEndPosition = commands.end
  }

  mutating func run(progress: (AuditProgress) -> Void) throws(AuditError) {
    let start = ContinuousClock.now
    let completed = try replay { pass in progress(pass.progress(since: start)) }
    if completed {
      try checkSnapshots(through: commands.end)
      try reportBatchesWithoutCommands()
    }
    noteSnapshotsNotChecked()
    if commandsSinceInvariantCheck > 0 || report.invariantChecks == 0 {
      checkInvariants(after: lastAppliedPosition)
    }
    report.stateHash = engine.acceleratedStateHash()
    report.elapsed = start.duration(to: .now)
    progress(self.progress(since: start))
  }

  /// Replays and verifies command after command; false if it stopped before the commands log's end
  /// (a divergence, or an events log that ends first).
  private mutating func replay(reportingProgress: (Self) -> Void) throws(AuditError) -> Bool {
    while let record = try commands.next() {
      try checkSnapshots(through: record.position)
      guard let found = try events.next() else {
        noteEventsLogBehind(from: record.position)
        return false
      }
      report.batchesRead += 1
      guard verify(record, against: found) else { return false }
      report.commandsVerified += 1
      checkInvariantsIfDue(after: record.position)
      if report.commandsVerified % LogRecordStream.readSize == 0 { reportingProgress(self) }
    }
    return true
  }

  /// Applies the command exactly as the sequencer does and compares the sealed batch with the one
  /// found, byte for byte. Equal bytes also prove the log's own chain up to here: the found chain
  /// hash is then the one computed over the same bytes from the same previous hash.
  private mutating func verify(_ record: LogRecord, against found: LogRecord) -> Bool {
    let command = CommandRecordDecoder.command(of: record)
    engine.apply(command, timestamp: record.timestampMilliseconds, into: &buffer)
    lastAppliedPosition = record.position
    let seq = chain.nextSeq
    let previousHash = chain.previousHash
    let expected = chain.sealSerialized(buffer, commandOffset: UInt64(record.position))
    if expected == found.value { return true }
    recordDivergence(
      Mismatch(
        seq: seq, command: command, commandPosition: record.position, expected: expected, found: found,
        previousHash: previousHash))
    return false
  }

  private mutating func noteEventsLogBehind(from position: Int64) {
    let message =
      "the events log ends at seq \(chain.nextSeq - 1); the commands from position \(position) to "
      + "\(commands.end - 1) have no batches yet (the sequencer is behind) and were not audited"
    report.notes.append(message)
    if configuration.requireComplete {
      report.findings.append(
        AuditFinding(
          kind: .eventsLogIncomplete, commandPosition: position, seq: chain.nextSeq,
          message: message + ". With --require-complete this fails the audit: let the sequencer catch up"))
    }
  }

  func progress(since start: ContinuousClock.Instant) -> AuditProgress {
    AuditProgress(
      commandsVerified: report.commandsVerified, commandPosition: lastAppliedPosition + 1,
      commandsEndPosition: commands.end, elapsed: start.duration(to: .now))
  }
}
