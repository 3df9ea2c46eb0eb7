import RecordLog

/// What `tradelog dev` runs: everything on the embedded log, in one data directory.
public struct DevelopmentConfiguration: Sendable {
  /// Holds the two logs, the snapshots and the sequencer's log; created if missing, reused (resumed)
  /// if it exists.
  public var dataDirectory: String
  /// The demo load's pace in commands per second; nil: no demo load (commands come from elsewhere,
  /// such as `tradelog submit` to the commands log).
  public var loadRate: Double?
  /// The demo load's seed and shape (`tradelog load`'s options).
  public var seed: UInt64
  public var markets: Int
  public var accounts: Int
  /// How often the status is reported.
  public var statusInterval: Duration

  public init(
    dataDirectory: String, loadRate: Double? = 20_000, seed: UInt64 = 1, markets: Int = 4,
    accounts: Int = 1_000,
    statusInterval: Duration = .seconds(1)
  ) {
    precondition(loadRate.map { $0 > 0 } ?? true, "a demo load rate is positive")
    self.dataDirectory = dataDirectory
    self.loadRate = loadRate
    self.seed = seed
    self.markets = markets
    self.accounts = accounts
    self.statusInterval = statusInterval
  }

  public var commandsAddress: LogAddress { .sqlite(path: dataDirectory + "/commands.db") }
  public var eventsAddress: LogAddress { .sqlite(path: dataDirectory + "/events.db") }
  public var snapshotDirectory: String { dataDirectory + "/snapshots" }
  /// The sequencer's own lines (recovery, snapshots, warnings) go here, not over the status line.
  public var sequencerLogPath: String { dataDirectory + "/sequencer.log" }
}
