import RecordLog

/// How a sequencer runs: which logs, where snapshots go and how often, and how it reports.
public struct SequencerConfiguration: Sendable {
  public var commands: LogAddress
  public var events: LogAddress
  public var snapshotDirectory: String
  /// Take a snapshot after this many commands since the last one; nil: never by count.
  public var snapshotEveryCommands: Int?
  /// Take a snapshot when this much time passed since the last one and commands arrived; nil: never
  /// by time.
  public var snapshotInterval: Duration?
  /// How many snapshots to keep.
  public var snapshotsKept: Int
  /// The most command records read and applied as one batch: large enough to amortize a read, small
  /// enough that one batch's latency stays in milliseconds. An events append groups whatever piled
  /// up while the previous one was in flight, up to four batches.
  public var batchSizeMax: Int
  /// How long one tailing read waits for commands before the loop checks for a stop request and
  /// due snapshots again.
  public var idleWait: Duration
  /// How often a progress line is logged.
  public var progressInterval: Duration
  public var logOptions: LogOpenOptions
  /// Where progress lines and warnings go (standard error in the command).
  public var log: @Sendable (String) -> Void

  public init(
    commands: LogAddress, events: LogAddress, snapshotDirectory: String,
    snapshotEveryCommands: Int? = 100_000, snapshotInterval: Duration? = .seconds(60), snapshotsKept: Int = 3,
    batchSizeMax: Int = 4_096, idleWait: Duration = .milliseconds(100),
    progressInterval: Duration = .seconds(5),
    logOptions: LogOpenOptions = LogOpenOptions(), log: @escaping @Sendable (String) -> Void
  ) {
    precondition(snapshotEveryCommands.map { $0 >= 1 } ?? true, "snapshots every fewer than 1 command")
    precondition(snapshotsKept >= 1, "at least one snapshot is kept")
    precondition(batchSizeMax >= 1, "a batch holds at least one command")
    self.commands = commands
    self.events = events
    self.snapshotDirectory = snapshotDirectory
    self.snapshotEveryCommands = snapshotEveryCommands
    self.snapshotInterval = snapshotInterval
    self.snapshotsKept = snapshotsKept
    self.batchSizeMax = batchSizeMax
    self.idleWait = idleWait
    self.progressInterval = progressInterval
    self.logOptions = logOptions
    self.log = log
  }
}
