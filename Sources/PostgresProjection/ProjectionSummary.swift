/// What one run of the projector did.
public struct ProjectionSummary: Sendable, Equatable {
  public var batchesApplied = 0
  public var eventsApplied = 0
  /// Batches read again that were already applied (delivered twice): skipped, changing nothing.
  public var batchesSkipped = 0
  public var transactions = 0
  /// Sessions that failed for a reason a reconnect cures (PostgreSQL went away) and were retried.
  public var retries = 0
  /// The seq the tables stand at when the run ended.
  public var lastSeq: UInt64 = 0
  public var elapsed: Duration = .zero

  public init() {}

  public var eventsPerSecond: Double {
    let seconds = elapsed / .seconds(1)
    return seconds > 0 ? Double(eventsApplied) / seconds : 0
  }
}
