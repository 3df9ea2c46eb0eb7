/// An order resting in a book, in a slot of `OrderBooks`' pool.
///
/// Links are `Int32` slot indices (−1 for none), so an order is a plain value in one array: no
/// object, no reference counting. Its price lives in its level.
struct RestingOrder {
  var orderId: UInt64
  var clientOrderId: UInt64
  /// Open quantity in lots.
  var remaining: Int64
  /// What the order holds now: quote units for a buy, base units for a sell.
  var held: Int64
  /// Neighbours in its price level's FIFO queue; `queueNext` also links free slots.
  var queuePrevious: Int32
  var queueNext: Int32
  /// Neighbours among its account's resting orders (ascending orderId).
  var accountPrevious: Int32
  var accountNext: Int32
  var level: Int32
  /// The account's index in `AccountRegistry`.
  var account: Int32
  /// The balance the order holds from (quote for a buy, base for a sell) and the one its fills
  /// deliver to (base for a buy, quote for a sell).
  var heldBalance: Int32
  var creditBalance: Int32
  var market: Int32
  var side: Side
}
