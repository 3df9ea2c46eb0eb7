import TradelogCore

/// What one transaction writes: rows for the append-only tables, in event order, and the keys of the
/// rows of the current-state tables that changed, each once, whose final values are written.
/// Coalescing matters for speed: a balance that changes a thousand times in a transaction is written
/// once.
struct ProjectionChanges {
  var batchCount = 0
  var eventCount = 0
  /// The last applied batch: what `projector_state` records.
  var lastSeq: UInt64 = 0
  var lastChainHash: [UInt8] = []
  var lastPosition: Int64 = -1

  var marketRows: [String] = []
  var tradeRows: [String] = []
  var ledgerRows: [String] = []
  var transferRows: [String] = []
  var orderRejectionRows: [String] = []
  var commandRejectionRows: [String] = []

  /// Final states of the orders changed, in the order they first changed.
  private(set) var orderIds: [UInt64] = []
  private(set) var orders: [UInt64: ProjectedOrder] = [:]
  /// The balances changed, in the order they first changed, with the seq that last changed each.
  private(set) var balanceKeys: [BalanceKey] = []
  private(set) var balanceSeqs: [BalanceKey: UInt64] = [:]
  /// The book levels changed, in the order they first changed.
  private(set) var levelKeys: [BookLevelKey] = []
  private var levelKeySet: Set<BookLevelKey> = []

  var isEmpty: Bool { batchCount == 0 }

  mutating func record(_ order: ProjectedOrder) {
    if orders.updateValue(order, forKey: order.orderId) == nil {
      orderIds.append(order.orderId)
    }
  }

  mutating func recordBalance(_ key: BalanceKey, seq: UInt64) {
    if balanceSeqs.updateValue(seq, forKey: key) == nil {
      balanceKeys.append(key)
    }
  }

  mutating func recordLevel(_ key: BookLevelKey) {
    if levelKeySet.insert(key).inserted {
      levelKeys.append(key)
    }
  }
}
