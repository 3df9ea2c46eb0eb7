/// How far each table stands: the last `seq` whose rows it holds in full. Derived on start from what
/// is stored (`max(seq)` per table, `maxMerge(last_seq)` for candles), then advanced in memory as
/// inserts succeed. A batch's rows go to a table only if its seq is above that table's mark, so
/// batches delivered twice, or replayed after a crash between two tables' inserts, change nothing.
struct TableMarks: Sendable, Equatable {
  var trades: UInt64
  var orderEvents: UInt64
  var balanceChanges: UInt64
  /// The last seq whose trades the candles have counted.
  var candles: UInt64

  init(trades: UInt64 = 0, orderEvents: UInt64 = 0, balanceChanges: UInt64 = 0, candles: UInt64 = 0) {
    self.trades = trades
    self.orderEvents = orderEvents
    self.balanceChanges = balanceChanges
    self.candles = candles
  }

  subscript(table: HistoryTable) -> UInt64 {
    get {
      switch table {
      case .trades: trades
      case .orderEvents: orderEvents
      case .balanceChanges: balanceChanges
      }
    }
    set {
      switch table {
      case .trades: trades = newValue
      case .orderEvents: orderEvents = newValue
      case .balanceChanges: balanceChanges = newValue
      }
    }
  }

  /// The last batch every history table holds: projection resumes after it. (Candles follow
  /// `trades` on the server and need no batch read again.)
  var resumeAfter: UInt64 { min(trades, orderEvents, balanceChanges) }
}
