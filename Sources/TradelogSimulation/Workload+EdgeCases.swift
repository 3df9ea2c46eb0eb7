import TradelogCore

// Malformed and edge-case commands: each breaks one rule, so that every rejection reason of
// SEMANTICS.md comes up in a long enough run.
extension Workload {
  mutating func edgeCase() -> Command {
    switch random.below(10) {
    case 0..<5: return edgeCasePlacement()
    case 5: return edgeCaseTransfer()
    case 6: return edgeCaseCancel()
    case 7: return badCreateMarket()
    case 8: return .unreadable
    default: return overflowingPlacement()
    }
  }

  /// A limit order that would be accepted, as the starting point of an edge case.
  private mutating func plausiblePlacement() -> (PlaceOrder, WorkloadMarket) {
    let market = markets[randomMarketIndex()]
    let side: Side = random.chance(1, in: 2) ? .buy : .sell
    let accountIndex = randomAccountIndex()
    let order = PlaceOrder(
      account: accounts[accountIndex].account, clientOrderId: accounts[accountIndex].freshClientOrderId(),
      market: market.parameters.market, side: side, type: .limit, price: limitPrice(in: market, side: side),
      quantity: orderQuantity(in: market), timeInForce: .goodTillCanceled, selfTrade: selfTradeMode())
    return (order, market)
  }

  private mutating func edgeCasePlacement() -> Command {
    var (order, market) = plausiblePlacement()
    switch random.below(16) {
    case 0: order.account = 0
    case 1: order.clientOrderId = 0
    case 2: order.market = random.pick([Symbol(order.market.description.lowercased())!, .unreadable, .empty])
    case 3: order.side = random.pick([.unspecified, .unrecognized])
    case 4: order.type = random.pick([.unspecified, .unrecognized])
    case 5: order.timeInForce = .unrecognized
    case 6: order.selfTrade = .unrecognized
    case 7:  // a price on a MARKET order
      order.type = .market
    case 8:  // a budget on anything but a MARKET BUY
      order.quoteBudget = random.inRange(1...1_000_000)
      if order.side == .buy { order.type = .limit } else { order.type = random.pick([.limit, .market]) }
      if order.type == .market { order.price = 0 }
    case 9:  // a MARKET order with a time in force other than IOC
      order.type = .market
      order.price = 0
      order.quoteBudget = order.side == .buy ? 1_000_000 : 0
      order.timeInForce = random.pick([.goodTillCanceled, .fillOrKill, .postOnly])
    case 10: order.market = Symbol("NOPE-\(random.below(100))")!
    case 11:  // off tick, zero or negative price
      order.price =
        market.tickSize > 1 && random.chance(1, in: 2)
        ? order.price + random.inRange(1...market.tickSize - 1) : -random.inRange(0...10)
    case 12:  // below the minimum, zero or negative quantity
      order.quantity =
        market.parameters.minQuantity - 1 - (random.chance(1, in: 3) ? random.inRange(0...5) : 0)
    case 13:  // a MARKET BUY without a usable budget
      order.type = .market
      order.side = .buy
      order.price = 0
      order.timeInForce = .unspecified
      order.quoteBudget = -random.inRange(0...10)
    case 14: return insufficientFundsPlacement(order, in: market)
    default: return duplicatePlacement(order)
    }
    return .placeOrder(order)
  }

  /// An order whose hold is just beyond what the account has available.
  private mutating func insufficientFundsPlacement(_ order: PlaceOrder, in market: WorkloadMarket) -> Command
  {
    var order = order
    let heldAsset = order.side == .buy ? market.parameters.quote : market.parameters.base
    let available = shadow.balance(account: order.account, asset: heldAsset).available
    if order.side == .buy {
      order.quantity = Swift.max(order.quantity, available / order.price + 1)
    } else {
      order.quantity = Swift.max(order.quantity, available / market.parameters.lotSize + 1)
    }
    return .placeOrder(order)
  }

  /// An order reusing the clientOrderId of one of the account's open or recent orders.
  private mutating func duplicatePlacement(_ order: PlaceOrder) -> Command {
    var order = order
    if let open = randomOpenOrder() {
      order.account = open.account
      order.clientOrderId = open.clientOrderId
    } else if let recent = recentOrders.last {
      order.account = recent.account
      order.clientOrderId = recent.clientOrderId
    } else {
      // Nothing to repeat yet: break the id instead, so that an edge case never rests an order.
      order.clientOrderId = 0
    }
    return .placeOrder(order)
  }

  /// Quantities and prices whose products leave `Int64`: `quantity × lotSize`, `price × quantity`, or a
  /// LIMIT BUY's notional plus fee.
  private mutating func overflowingPlacement() -> Command {
    var (order, market) = plausiblePlacement()
    let parameters = market.parameters
    switch random.below(3) {
    case 0:
      order.quantity = Int64.max / parameters.lotSize + (parameters.lotSize > 1 ? 1 : 0)
      if random.chance(1, in: 2) {
        order.type = .market
        order.price = 0
        order.quoteBudget = order.side == .buy ? 1_000 : 0
      }
    case 1:
      order.price = (Int64.max / 2 / parameters.tickSize) * parameters.tickSize
      order.quantity = Swift.max(parameters.minQuantity, 3)
    default:
      // The notional fits, its fee on top does not (when the market charges a fee).
      order.side = .buy
      order.quantity = parameters.minQuantity
      order.price = (Int64.max / order.quantity / parameters.tickSize) * parameters.tickSize
    }
    return .placeOrder(order)
  }

  private mutating func edgeCaseTransfer() -> Command {
    let accountIndex = randomAccountIndex()
    let asset = random.pick(assetNames)
    var transfer = Transfer(
      account: accounts[accountIndex].account, asset: asset, amount: random.inRange(1...1_000),
      transferId: accounts[accountIndex].freshTransferId())
    switch random.below(7) {
    case 0: transfer.account = 0
    case 1: transfer.transferId = 0
    case 2:
      transfer.asset = random.pick([
        Symbol(asset.description.lowercased())!, Symbol("ABCDEFGHIJKLM")!, Symbol("BTC-USD")!, .unreadable,
        .empty,
      ])
    case 3: transfer.asset = Symbol("ZZZ\(random.below(10))")!
    case 4: transfer.amount = -random.inRange(0...1_000)
    case 5:
      // A deposit that would take the asset's total past Int64.max.
      let total = shadow.totalsByAsset[asset] ?? 0
      transfer.amount = total > 0 ? Int64.max - random.inRange(0...Swift.min(total - 1, 1_000)) : 0
      return .deposit(transfer)
    default:
      transfer.transferId = random.pick(accounts[accountIndex].recentTransferIds)
    }
    return random.chance(1, in: 2) ? .deposit(transfer) : .withdraw(transfer)
  }

  private mutating func edgeCaseCancel() -> Command {
    let account = accounts[randomAccountIndex()].account
    let open = randomOpenOrder()
    switch random.below(8) {
    case 0: return .cancelOrder(CancelOrder(account: 0, orderId: open?.orderId ?? 1))
    case 1: return .cancelOrder(CancelOrder(account: account))
    case 2: return .cancelOrder(CancelOrder(account: account, orderId: open?.orderId ?? 1, clientOrderId: 1))
    case 3:
      return .reduceOrder(
        ReduceOrder(account: random.chance(1, in: 2) ? 0 : account, orderId: 0, reduceBy: 1))
    case 4:
      guard let open else { return .reduceOrder(ReduceOrder(account: 0, orderId: 1, reduceBy: 1)) }
      return .reduceOrder(
        ReduceOrder(account: open.account, orderId: open.orderId, reduceBy: -random.inRange(0...3)))
    case 5: return .cancelAll(CancelAll(account: 0))
    case 6:
      return .cancelAll(CancelAll(account: account, market: random.pick([Symbol("btc-usd")!, .unreadable])))
    default: return .cancelAll(CancelAll(account: account, market: Symbol("NOPE-\(random.below(100))")!))
    }
  }
}
