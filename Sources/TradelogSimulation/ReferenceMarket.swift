import TradelogCore

/// One market of the reference model: its parameters and its two sides, each kept sorted in
/// price-time priority (best first). Sorted arrays with binary search keep the model plain while
/// fast enough to run a million commands in a debug build.
struct ReferenceMarket {
  let parameters: CreateMarket
  /// Highest price first, then lowest orderId (oldest) first.
  private(set) var bids: [ReferenceOrder] = []
  /// Lowest price first, then lowest orderId (oldest) first.
  private(set) var asks: [ReferenceOrder] = []

  init(parameters: CreateMarket) {
    self.parameters = parameters
  }

  var openOrderCount: Int { bids.count + asks.count }

  /// The resting orders a taker on `takerSide` matches against, best first.
  func makers(against takerSide: Side) -> [ReferenceOrder] {
    takerSide == .buy ? asks : bids
  }

  /// Whether `order` comes before the order (`price`, `orderId`) on `side` in price-time priority.
  static func isAhead(_ order: ReferenceOrder, ofPrice price: Int64, orderId: UInt64, on side: Side) -> Bool {
    if order.price != price {
      return side == .buy ? order.price > price : order.price < price
    }
    return order.orderId < orderId
  }

  /// Where (`price`, `orderId`) belongs on `side`: the number of orders ahead of it.
  private func position(ofPrice price: Int64, orderId: UInt64, on side: Side) -> Int {
    let orders = side == .buy ? bids : asks
    var low = 0
    var high = orders.count
    while low < high {
      let middle = (low + high) / 2
      if Self.isAhead(orders[middle], ofPrice: price, orderId: orderId, on: side) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// Rests `order` behind every order that is ahead of it.
  mutating func insert(_ order: ReferenceOrder) {
    let index = position(ofPrice: order.price, orderId: order.orderId, on: order.side)
    if order.side == .buy {
      bids.insert(order, at: index)
    } else {
      asks.insert(order, at: index)
    }
  }

  /// The index of a resting order on `side`; the caller knows the order rests there.
  func index(ofPrice price: Int64, orderId: UInt64, on side: Side) -> Int {
    let index = position(ofPrice: price, orderId: orderId, on: side)
    let orders = side == .buy ? bids : asks
    precondition(
      index < orders.count && orders[index].orderId == orderId,
      "order \(orderId) is indexed as resting in \(parameters.market) but is not in its book")
    return index
  }

  func order(at index: Int, on side: Side) -> ReferenceOrder {
    side == .buy ? bids[index] : asks[index]
  }

  mutating func replace(at index: Int, on side: Side, with order: ReferenceOrder) {
    if side == .buy {
      bids[index] = order
    } else {
      asks[index] = order
    }
  }

  mutating func remove(at index: Int, on side: Side) {
    if side == .buy {
      bids.remove(at: index)
    } else {
      asks.remove(at: index)
    }
  }

  /// The best `depth` price levels of one side, aggregated.
  func levels(on side: Side, depth: Int) -> [BookLevel] {
    var levels: [BookLevel] = []
    for order in side == .buy ? bids : asks {
      if let last = levels.last, last.price == order.price {
        levels[levels.count - 1].quantity += order.remaining
        levels[levels.count - 1].orderCount += 1
      } else {
        guard levels.count < depth else { break }
        levels.append(BookLevel(price: order.price, quantity: order.remaining, orderCount: 1))
      }
    }
    return levels
  }
}
