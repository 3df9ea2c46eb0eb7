import TradelogCore

// cancelOrder, reduceOrder and cancelAll: mostly of orders that are open, sometimes of orders that are
// not (ended, another account's, never placed).
extension Workload {
  mutating func cancelOrder() -> Command {
    switch random.below(20) {
    case 0..<13:
      guard let order = randomOpenOrder() else { break }
      return random.chance(3, in: 5)
        ? .cancelOrder(CancelOrder(account: order.account, orderId: order.orderId))
        : .cancelOrder(CancelOrder(account: order.account, clientOrderId: order.clientOrderId))
    case 13..<16:
      guard !recentOrders.isEmpty else { break }
      let recent = recentOrders[random.index(below: recentOrders.count)]
      return random.chance(1, in: 2)
        ? .cancelOrder(CancelOrder(account: recent.account, orderId: recent.orderId))
        : .cancelOrder(CancelOrder(account: recent.account, clientOrderId: recent.clientOrderId))
    case 16..<18:
      guard let order = randomOpenOrder() else { break }
      return .cancelOrder(CancelOrder(account: otherAccount(than: order.account), orderId: order.orderId))
    default:
      break
    }
    // An order that was never placed: an id beyond any assigned yet.
    let account = accounts[randomAccountIndex()]
    return random.chance(1, in: 2)
      ? .cancelOrder(CancelOrder(account: account.account, orderId: shadow.nextOrderId + random.below(1_000)))
      : .cancelOrder(
        CancelOrder(account: account.account, clientOrderId: account.nextClientOrderId + random.below(1_000)))
  }

  mutating func reduceOrder() -> Command {
    guard random.chance(9, in: 10), let order = randomOpenOrder() else {
      let account = accounts[randomAccountIndex()].account
      let orderId =
        recentOrders.isEmpty || random.chance(1, in: 2) ? shadow.nextOrderId : recentOrders[0].orderId
      return .reduceOrder(ReduceOrder(account: account, orderId: orderId, reduceBy: 1))
    }
    let reduceBy: Int64
    switch random.below(20) {
    case 0..<12: reduceBy = order.remaining > 1 ? random.inRange(1...order.remaining - 1) : 1
    case 12..<15: reduceBy = order.remaining
    case 15..<18: reduceBy = order.remaining + random.inRange(1...1_000)
    case 18: reduceBy = 0
    default: reduceBy = -random.inRange(1...10)
    }
    let account = random.chance(1, in: 20) ? otherAccount(than: order.account) : order.account
    return .reduceOrder(ReduceOrder(account: account, orderId: order.orderId, reduceBy: reduceBy))
  }

  mutating func cancelAll() -> Command {
    let account = accounts[randomAccountIndex()].account
    let market = random.chance(7, in: 10) ? markets[randomMarketIndex()].parameters.market : Symbol.empty
    return .cancelAll(CancelAll(account: account, market: market))
  }

  /// When a market holds as many open orders as the configuration allows, a cancel of one of them
  /// (now and then all of its owner's orders there) instead of a new order.
  mutating func boundingCancel(inMarket index: Int) -> Command? {
    let name = markets[index].parameters.market
    guard let book = shadow.marketsByName[name],
      book.openOrderCount >= configuration.openOrdersPerMarketLimit,
      let order = randomOpenOrder(inMarket: index)
    else { return nil }
    if random.chance(1, in: 20) {
      return .cancelAll(CancelAll(account: order.account, market: name))
    }
    return .cancelOrder(CancelOrder(account: order.account, orderId: order.orderId))
  }
}
