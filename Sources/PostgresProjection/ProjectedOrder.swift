import TradelogCore

/// An order as the `orders` table holds it, kept in memory while it is open so that its fills,
/// cancellation or reduction can be folded without reading it back.
struct ProjectedOrder: Sendable, Equatable {
  enum Status: String, Sendable {
    case open
    case filled
    case canceled
  }

  var orderId: UInt64
  var market: Symbol
  var account: UInt64
  var clientOrderId: UInt64
  var side: Side
  var type: OrderType
  var timeInForce: TimeInForce
  var price: Int64
  var quantity: Int64
  var filled: Int64
  var remaining: Int64
  var status: Status
  var cancelReason: CancelReason?
  var createdSeq: UInt64
  var createdTimeMilliseconds: Int64
  var updatedSeq: UInt64
  var updatedTimeMilliseconds: Int64
  /// True once the order rests in its book: from the end of the batch that accepted it while open.
  var isResting: Bool

  init(accepted: OrderAccepted, seq: UInt64, timeMilliseconds: Int64) {
    orderId = accepted.orderId
    market = accepted.market
    account = accepted.account
    clientOrderId = accepted.clientOrderId
    side = accepted.side
    type = accepted.type
    timeInForce = accepted.timeInForce
    price = accepted.price
    quantity = accepted.quantity
    filled = 0
    remaining = accepted.quantity
    status = .open
    cancelReason = nil
    createdSeq = seq
    createdTimeMilliseconds = timeMilliseconds
    updatedSeq = seq
    updatedTimeMilliseconds = timeMilliseconds
    isResting = false
  }

  var levelKey: BookLevelKey { BookLevelKey(market: market, side: side, price: price) }

  /// The row of `orders`, columns in table order.
  var copyRow: String {
    var row = CopyRow()
    row.add(orderId)
    row.add(market)
    row.add(account)
    row.add(clientOrderId)
    row.add(name: side.name)
    row.add(name: type.name)
    row.add(name: timeInForce.name)
    row.add(price)
    row.add(quantity)
    row.add(filled)
    row.add(remaining)
    row.add(name: status.rawValue)
    if let cancelReason { row.add(name: cancelReason.name) } else { row.addNull() }
    row.add(createdSeq)
    row.add(createdTimeMilliseconds)
    row.add(updatedSeq)
    row.add(updatedTimeMilliseconds)
    return row.text
  }

  /// The columns `copyRow` writes, for reading an open order back.
  static let columns =
    "order_id, market, account, client_order_id, side, type, time_in_force, price, quantity, filled, "
    + "remaining, status, cancel_reason, created_seq, created_time_ms, updated_seq, updated_time_ms"
}

/// One price level of one side of one market's book.
struct BookLevelKey: Hashable, Sendable {
  var market: Symbol
  var side: Side
  var price: Int64
}

struct BookLevelTotals: Sendable, Equatable {
  var quantity: Int64
  var orderCount: Int
}

/// One (account, asset) of `balances`.
struct BalanceKey: Hashable, Sendable {
  var account: UInt64
  var asset: Symbol
}
