import Foundation
import RecordLog

/// What a `PostgresProjector` projects, where to, and its limits.
public struct PostgresProjectorConfiguration: Sendable {
  /// The events log's address (`sqlite:PATH`, `kafka://HOST:PORT/TOPIC`).
  public var eventsAddress: String
  /// How the events log is opened (librdkafka properties given as `-X`, SQLite settings).
  public var logOptions = LogOpenOptions()
  /// A libpq URL, such as `postgresql://user@host:5432/database`.
  public var postgresURL: String
  /// Drop the tables and project again from the first batch.
  public var rebuild: Bool
  /// Keep tailing the log once caught up, instead of returning.
  public var follow: Bool
  /// Batches folded into one transaction at most: larger amortizes each commit and coalesces more
  /// balance and order updates; smaller bounds the work lost to a crash and the memory taken.
  public var batchesPerTransactionMax: Int
  /// 50,000: a rebuild of 1,000,000 batches ran at 48–50 % of a raw COPY of its rows with 10,000,
  /// 58 % with 40,000 and 61 % with 100,000 (the same order and balance rows are updated many times
  /// within a transaction and written once). A tailing projector commits as soon as it is caught
  /// up, so this bounds only catch-up transactions.
  public static let batchesPerTransactionDefault = 50_000
  /// Records taken from the log in one read.
  public var recordsPerReadMax: Int
  /// Slices of a read decoded and hash-checked at once, on as many threads: decoding and the chain's
  /// hashes are much of the projector's work, and spread over the machine's cores.
  public var decodingParallelism: Int
  /// How long one wait for new records lasts while tailing, between checks for a stop request.
  public var tailWait: Duration
  /// The first wait before reconnecting after PostgreSQL went away; it doubles up to the maximum.
  public var retryDelayInitial: Duration
  public var retryDelayMax: Duration
  /// Stop after applying this many batches (a benchmark's bound); nil for no bound.
  public var batchesToApplyMax: Int?

  public init(
    eventsAddress: String, postgresURL: String, rebuild: Bool = false, follow: Bool = true,
    batchesPerTransactionMax: Int = batchesPerTransactionDefault, recordsPerReadMax: Int = 1_000,
    tailWait: Duration = .milliseconds(200), retryDelayInitial: Duration = .milliseconds(100),
    retryDelayMax: Duration = .seconds(5), batchesToApplyMax: Int? = nil
  ) {
    precondition(batchesPerTransactionMax >= 1, "a transaction holds at least one batch")
    precondition(recordsPerReadMax >= 1, "a read takes at least one record")
    self.eventsAddress = eventsAddress
    self.postgresURL = postgresURL
    self.rebuild = rebuild
    self.follow = follow
    self.batchesPerTransactionMax = batchesPerTransactionMax
    self.recordsPerReadMax = recordsPerReadMax
    decodingParallelism = ProcessInfo.processInfo.activeProcessorCount
    self.tailWait = tailWait
    self.retryDelayInitial = retryDelayInitial
    self.retryDelayMax = retryDelayMax
    self.batchesToApplyMax = batchesToApplyMax
  }
}
