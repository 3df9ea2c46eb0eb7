import TradelogCore
import TradelogWire

/// The rows of every history table for a range of consecutive batches: what one flush inserts, one
/// block per table. A batch contributes rows to a table only if its seq is above that table's mark.
struct HistoryRows: Sendable {
  let marks: TableMarks
  private(set) var trades = TradeRows()
  private(set) var orderEvents = OrderEventRows()
  private(set) var balanceChanges = BalanceChangeRows()
  /// The first and last seq of the range, nil while empty.
  private(set) var firstSeq: UInt64?
  private(set) var lastSeq: UInt64?
  private(set) var batchCount = 0
  private(set) var eventCount = 0

  init(marks: TableMarks) {
    self.marks = marks
  }

  /// The most rows any one table has: a flush is due before it nears the server's insert block size.
  var largestTableRowCount: Int { max(trades.count, orderEvents.count, balanceChanges.count) }

  func rowCount(of table: HistoryTable) -> Int {
    switch table {
    case .trades: trades.count
    case .orderEvents: orderEvents.count
    case .balanceChanges: balanceChanges.count
    }
  }

  func nativeBlock(of table: HistoryTable) -> [UInt8] {
    switch table {
    case .trades: trades.nativeBlock()
    case .orderEvents: orderEvents.nativeBlock()
    case .balanceChanges: balanceChanges.nativeBlock()
    }
  }

  mutating func append(_ batch: EventBatchRecord) {
    precondition(lastSeq.map { batch.seq == $0 + 1 } ?? true, "batches reach HistoryRows out of order")
    if firstSeq == nil { firstSeq = batch.seq }
    lastSeq = batch.seq
    batchCount += 1
    eventCount += batch.events.count
    let toTrades = batch.seq > marks.trades
    let toOrderEvents = batch.seq > marks.orderEvents
    let toBalanceChanges = batch.seq > marks.balanceChanges
    for (index, event) in batch.events.enumerated() {
      let place = EventPlace(seq: batch.seq, timestamp: batch.timestamp, index: UInt32(index))
      switch event {
      case .trade(let trade):
        if toTrades { trades.append(trade, at: place) }
      case .orderAccepted(let accepted):
        if toOrderEvents { orderEvents.append(accepted, at: place) }
      case .orderRejected(let rejected):
        if toOrderEvents { orderEvents.append(rejected, at: place) }
      case .orderFilled(let filled):
        if toOrderEvents { orderEvents.append(filled, at: place) }
      case .orderCanceled(let canceled):
        if toOrderEvents { orderEvents.append(canceled, at: place) }
      case .orderReduced(let reduced):
        if toOrderEvents { orderEvents.append(reduced, at: place) }
      case .balanceChanged(let change):
        if toBalanceChanges { balanceChanges.append(change, at: place) }
      case .marketCreated, .deposited, .withdrawn, .transferRejected, .commandRejected:
        break
      }
    }
  }
}
