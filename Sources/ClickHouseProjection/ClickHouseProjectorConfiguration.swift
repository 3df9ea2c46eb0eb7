import Foundation
import RecordLog

/// What `ClickHouseProjector` projects from where to where, and its limits, declared in one place.
public struct ClickHouseProjectorConfiguration: Sendable {
  /// The events log's address, such as `sqlite:events.db`.
  public var eventsAddress: String
  /// How the events log is opened (librdkafka properties given as `-X`, SQLite settings).
  public var logOptions = LogOpenOptions()
  /// ClickHouse's HTTP address, such as `http://127.0.0.1:8123`.
  public var clickHouseURL: URL
  public var database: String
  /// Drop the tables and project from the first batch.
  public var rebuild: Bool
  /// Tail the log once caught up, instead of returning.
  public var follow: Bool
  /// A flush inserts at most about this many rows into any one table: one block, far below the
  /// server's `max_insert_block_size` (1,048,576 rows), which would split a larger insert.
  public var rowsPerInsertMax: Int
  /// Records asked of the log per read.
  public var recordsPerReadMax: Int
  /// Slices of a read decoded and hashed at once: decoding and the chain's hashes are most of the
  /// projector's work, and spread over the machine's cores.
  public var decodingParallelism: Int
  /// How long one tailing read waits for new records: the longest a stop request waits while idle.
  public var tailWait: Duration
  /// Once caught up, inserts come at most this often: every insert makes a part on the server, and
  /// ClickHouse wants few large inserts (about one a second), not one per trickle of batches.
  public var tailFlushInterval: Duration
  public var retryPauseFirst: Duration
  public var retryPauseMax: Duration
  /// A ClickHouse request fails when the server has sent nothing for this long.
  public var requestTimeoutSeconds: Double
  /// Show a progress bar on standard error while catching up.
  public var showsProgress: Bool

  public init(
    eventsAddress: String, clickHouseURL: URL, database: String = "tradelog", rebuild: Bool = false,
    follow: Bool = true, rowsPerInsertMax: Int = 200_000, recordsPerReadMax: Int = 2_000,
    tailWait: Duration = .milliseconds(200), tailFlushInterval: Duration = .seconds(1),
    retryPauseFirst: Duration = .milliseconds(100),
    retryPauseMax: Duration = .seconds(5), requestTimeoutSeconds: Double = 120, showsProgress: Bool = true
  ) {
    self.eventsAddress = eventsAddress
    self.clickHouseURL = clickHouseURL
    self.database = database
    self.rebuild = rebuild
    self.follow = follow
    self.rowsPerInsertMax = rowsPerInsertMax
    self.recordsPerReadMax = recordsPerReadMax
    decodingParallelism = ProcessInfo.processInfo.activeProcessorCount
    self.tailWait = tailWait
    self.tailFlushInterval = tailFlushInterval
    self.retryPauseFirst = retryPauseFirst
    self.retryPauseMax = retryPauseMax
    self.requestTimeoutSeconds = requestTimeoutSeconds
    self.showsProgress = showsProgress
  }
}
