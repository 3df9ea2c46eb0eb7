import TradelogCore

/// An order of the reference model while it lives: resting in a book, or being matched as a taker.
struct ReferenceOrder: Equatable {
  var orderId: UInt64
  var account: UInt64
  var clientOrderId: UInt64
  var market: Symbol
  var side: Side
  /// 0 for a MARKET order.
  var price: Int64
  /// Open quantity in lots.
  var remaining: Int64
  /// What the order holds now: quote units for a buy, base units for a sell.
  var held: Int64

  var openOrder: OpenOrder {
    OpenOrder(
      orderId: orderId, account: account, clientOrderId: clientOrderId, market: market, side: side,
      price: price, remaining: remaining, held: held)
  }
}
