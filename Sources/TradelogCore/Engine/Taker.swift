/// An accepted order while it meets the book: what it asked for, as applied, and what is left of it.
struct Taker {
  var orderId: UInt64
  var account: UInt64
  var accountIndex: Int32
  var clientOrderId: UInt64
  var market: Int32
  var side: Side
  var isMarketOrder: Bool
  /// The limit price; 0 for a MARKET order.
  var price: Int64
  var quantity: Int64
  /// As applied: GTC for a LIMIT order that left it out, IOC for every MARKET order.
  var timeInForce: TimeInForce
  /// As applied: CANCEL_TAKER when left out.
  var selfTrade: SelfTradePrevention
  var remaining: Int64
  /// What the order holds; for a MARKET BUY, what is left of its budget.
  var held: Int64
  var heldBalance: Int32
  var creditBalance: Int32
  /// Where acceptance remembers the clientOrderId (found by the duplicate check).
  var clientOrderInsertionPoint: ClientOrderInsertionPoint

  /// Whether a resting order at `makerPrice` is within this order's limit.
  @inline(__always)
  func accepts(makerPrice: Int64) -> Bool {
    if isMarketOrder { return true }
    return side == .buy ? makerPrice <= price : makerPrice >= price
  }

  @inline(__always)
  var mayRest: Bool { timeInForce == .goodTillCanceled || timeInForce == .postOnly }

  @inline(__always)
  var isMarketBuy: Bool { isMarketOrder && side == .buy }
}
