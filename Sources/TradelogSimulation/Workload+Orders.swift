import TradelogCore

// Limit and market orders around each market's moving mid price.
extension Workload {
  mutating func limitOrder() -> Command {
    let marketIndex = randomMarketIndex()
    if let cancel = boundingCancel(inMarket: marketIndex) { return cancel }
    markets[marketIndex].wander(&random)
    let market = markets[marketIndex]
    let side: Side = random.chance(1, in: 2) ? .buy : .sell
    let timeInForce = random.pick(Self.limitTimesInForce)
    let accountIndex = randomAccountIndex()
    return .placeOrder(
      PlaceOrder(
        account: accounts[accountIndex].account, clientOrderId: clientOrderId(forAccountAt: accountIndex),
        market: market.parameters.market, side: side, type: .limit,
        price: limitPrice(in: market, side: side), quantity: orderQuantity(in: market),
        timeInForce: timeInForce, selfTrade: selfTradeMode()))
  }

  mutating func marketOrder() -> Command {
    let marketIndex = randomMarketIndex()
    markets[marketIndex].wander(&random)
    let market = markets[marketIndex]
    let side: Side = random.chance(1, in: 2) ? .buy : .sell
    let quantity = orderQuantity(in: market)
    let accountIndex = randomAccountIndex()
    return .placeOrder(
      PlaceOrder(
        account: accounts[accountIndex].account, clientOrderId: clientOrderId(forAccountAt: accountIndex),
        market: market.parameters.market, side: side, type: .market, quantity: quantity,
        quoteBudget: side == .buy ? budget(in: market, quantity: quantity) : 0,
        timeInForce: random.chance(7, in: 10) ? .unspecified : .immediateOrCancel, selfTrade: selfTradeMode())
    )
  }

  /// Mostly passive prices a few ticks from the mid, sometimes far, and one time in six crossing it.
  mutating func limitPrice(in market: WorkloadMarket, side: Side) -> Int64 {
    let offset: Int64
    if random.chance(1, in: 6) {
      offset = -random.inRange(0...5)
    } else {
      offset = random.inRange(0...12) + (random.chance(1, in: 4) ? random.inRange(0...60) : 0)
    }
    let ticks = side == .buy ? market.midTicks - offset : market.midTicks + offset
    return Swift.max(1, ticks) * market.tickSize
  }

  /// At least the market's minimum: mostly small, sometimes large, rarely very large.
  mutating func orderQuantity(in market: WorkloadMarket) -> Int64 {
    let extra: Int64
    switch random.below(100) {
    case 0: extra = random.inRange(0...2_000)
    case 1..<10: extra = random.inRange(0...200)
    default: extra = random.inRange(0...20)
    }
    return market.parameters.minQuantity + extra
  }

  /// A MARKET BUY's budget: half the time ample, else a part of what the quantity would cost, or a
  /// sum too small for one lot (BUDGET).
  mutating func budget(in market: WorkloadMarket, quantity: Int64) -> Int64 {
    let lotPrice = (market.midTicks + 50) * market.tickSize
    let ample = lotPrice * quantity * 2
    switch random.below(4) {
    case 0, 1: return ample
    case 2: return 1 + random.inRange(0...ample / 3)
    default: return 1 + random.inRange(0...lotPrice)
    }
  }

  mutating func selfTradeMode() -> SelfTradePrevention {
    random.pick(Self.selfTradeModes)
  }

  /// GTC (given or left out) most often, then IOC and POST_ONLY, then FOK.
  static let limitTimesInForce: [TimeInForce] =
    [TimeInForce](repeating: .goodTillCanceled, count: 8) + [
      .unspecified, .unspecified, .unspecified, .immediateOrCancel, .immediateOrCancel, .immediateOrCancel,
      .fillOrKill, .fillOrKill, .postOnly, .postOnly, .postOnly,
    ]

  /// Left out (CANCEL_TAKER) a third of the time, else each mode alike.
  static let selfTradeModes: [SelfTradePrevention] = [
    .unspecified, .unspecified, .cancelTaker, .cancelMaker, .cancelBoth, .allow,
  ]

  /// A fresh clientOrderId, or now and then one the account used lately (DUPLICATE_ID while that order
  /// is open or among the account's last 10,000).
  mutating func clientOrderId(forAccountAt index: Int) -> UInt64 {
    let account = accounts[index]
    if account.nextClientOrderId > 1 && random.chance(1, in: 50) {
      let lookBack = UInt64(random.inRange(1...Int64(Swift.min(account.nextClientOrderId - 1, 50))))
      return account.nextClientOrderId - lookBack
    }
    return accounts[index].freshClientOrderId()
  }
}
