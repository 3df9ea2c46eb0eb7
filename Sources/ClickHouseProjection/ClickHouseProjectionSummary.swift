/// What one run of the projector did.
public struct ClickHouseProjectionSummary: Sendable, Equatable {
  /// Batches projected (duplicates not counted).
  public var batches = 0
  public var events = 0
  /// Records skipped because their batch had already been accepted.
  public var duplicates = 0
  public var tradeRows = 0
  public var orderEventRows = 0
  public var balanceChangeRows = 0
  /// Retries after ClickHouse failed.
  public var retries = 0
  /// The last batch every history table holds.
  public var storedThroughSeq: UInt64 = 0
  public var elapsed: Duration = .zero

  public init() {}

  public var eventsPerSecond: Double {
    let seconds = elapsed / .seconds(1)
    return seconds > 0 ? Double(events) / seconds : 0
  }

  mutating func count(insertedRows: Int, into table: HistoryTable) {
    switch table {
    case .trades: tradeRows += insertedRows
    case .orderEvents: orderEventRows += insertedRows
    case .balanceChanges: balanceChangeRows += insertedRows
    }
  }
}
