/// The tables the projector fills from event batches with inserts of its own, each holding the `seq`
/// of the batch every row came from. (Candles are derived on the server from `trades`.)
enum HistoryTable: String, CaseIterable, Sendable {
  case trades
  case orderEvents = "order_events"
  case balanceChanges = "balance_changes"

  var name: String { rawValue }
}
