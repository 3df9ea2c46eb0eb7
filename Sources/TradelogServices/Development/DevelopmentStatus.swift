import SnapshotStore

/// One status report of `tradelog dev`: what the pipeline did since it started and where it stands.
public struct DevelopmentStatus: Sendable, Equatable {
  /// Command records in the commands log (all of them, from earlier runs too).
  public var commandsInLog: Int64
  /// Event batches in the events log: one per command sequenced, ever.
  public var eventBatches: Int64
  /// Commands sequenced per second over the last interval.
  public var commandsPerSecond: Int
  /// Trades in the event batches written since this run started.
  public var tradesThisRun: Int
  /// Commands waiting for the sequencer.
  public var lag: Int64 { commandsInLog - eventBatches }
  /// The newest snapshot on disk, if any.
  public var lastSnapshot: SnapshotStoreEntry?

  public init(
    commandsInLog: Int64, eventBatches: Int64, commandsPerSecond: Int, tradesThisRun: Int,
    lastSnapshot: SnapshotStoreEntry?
  ) {
    self.commandsInLog = commandsInLog
    self.eventBatches = eventBatches
    self.commandsPerSecond = commandsPerSecond
    self.tradesThisRun = tradesThisRun
    self.lastSnapshot = lastSnapshot
  }

  /// The one-line form the command shows.
  public var line: String {
    let snapshot = lastSnapshot.map { "at command \($0.commandPosition)" } ?? "none yet"
    return "\(commandsPerSecond) commands/s, \(commandsInLog) commands, \(eventBatches) event batches, "
      + "\(tradesThisRun) trades this run, lag \(lag), last snapshot \(snapshot)"
  }
}
