extension EngineCore {
  /// placeOrder: validates in the order of SEMANTICS.md, then accepts (order id, hold,
  /// `orderAccepted`, clientOrderId remembered) and matches.
  ///
  /// It takes the whole command, which the caller holds in memory, rather than its payload: passing
  /// the 74-byte `PlaceOrder` meant copying it out of the enum, and that copy read the command with
  /// wide loads straddling the caller's separate stores, which wait for those stores to reach the
  /// cache instead of being forwarded. Reading the fields where they are used loads each from one.
  func placeOrder(_ command: Command, into batch: inout EventBuffer) {
    guard case .placeOrder(let order) = command else { preconditionFailure("a placeOrder command") }
    var taker: Taker
    do throws(Rejection) {
      taker = try planPlacement(order)
    } catch {
      batch.append(
        .orderRejected(
          OrderRejected(
            account: order.account, orderId: 0, clientOrderId: order.clientOrderId, market: order.market,
            reason: error.reason)))
      return
    }
    taker.orderId = nextOrderId
    nextOrderId += 1
    if taker.creditBalance < 0 {
      let market = marketStates[Int(taker.market)]
      taker.creditBalance = ledger.addSlot(
        account: taker.accountIndex, accountId: taker.account,
        asset: taker.side == .buy ? market.baseAsset : market.quoteAsset)
      let isBuy = taker.side == .buy
      accounts[taker.accountIndex].cachedMarket = taker.market
      accounts[taker.accountIndex].cachedBaseBalance = isBuy ? taker.creditBalance : taker.heldBalance
      accounts[taker.accountIndex].cachedQuoteBalance = isBuy ? taker.heldBalance : taker.creditBalance
    }
    ledger.hold(taker.held, in: taker.heldBalance)
    batch.append(
      .orderAccepted(
        OrderAccepted(
          orderId: taker.orderId, account: taker.account, clientOrderId: taker.clientOrderId,
          market: order.market, side: taker.side, type: order.type, price: taker.price,
          quantity: taker.quantity, timeInForce: taker.timeInForce)))
    let restingSlot = match(&taker, into: &batch)
    // Remembered after matching, with the slot it rests in, to index it once: nothing during the
    // match looks this clientOrderId up, and forgetting the account's oldest before or after the
    // match ends in the same state.
    accounts.remember(
      clientOrderId: taker.clientOrderId, account: taker.accountIndex, window: limits.clientOrderIdWindow,
      openSlot: restingSlot, at: taker.clientOrderInsertionPoint)
    ledger.emitChanges(into: &batch)
  }

  /// Every check of a placement, in the order of SEMANTICS.md, then the engine's limits. Returns the
  /// order as it would be applied (without its order id, which acceptance assigns, and with credit
  /// balance −1 when acceptance must create it).
  @inline(__always)
  private func planPlacement(_ order: PlaceOrder) throws(Rejection) -> Taker {
    // A name that names a market is valid (it was when the market was created): check the rest of
    // MALFORMED first, and the name only when no market has it.
    let found = market(named: order.market)
    guard Self.isWellFormed(order, nameIsKnownValid: found != nil) else { throw .malformed }
    guard let marketIndex = found else { throw .unknownMarket }
    let market = marketStates[Int(marketIndex)]
    let isMarketOrder = order.type == .market
    if !isMarketOrder {
      // A tick of 1 (integer prices) is common and needs no division, which costs tens of cycles.
      let tickSize = market.parameters.tickSize
      guard order.price > 0, tickSize == 1 || order.price % tickSize == 0 else { throw .invalidPrice }
    }
    guard order.quantity > 0, order.quantity >= market.parameters.minQuantity else { throw .invalidQuantity }
    if isMarketOrder && order.side == .buy {
      guard order.quoteBudget > 0 else { throw .invalidQuantity }
    }
    let hold = try holdAmount(order, market: market)
    // An unknown account has no clientOrderIds and no funds.
    guard let account = accounts.index(of: order.account) else { throw .insufficientFunds }
    guard
      let insertionPoint = accounts.insertionPoint(clientOrderId: order.clientOrderId, account: account)
    else { throw .duplicateId }
    let (baseBalance, quoteBalance) = marketBalances(account: account, market: marketIndex, state: market)
    let isBuy = order.side == .buy
    let heldBalance = isBuy ? quoteBalance : baseBalance
    guard heldBalance >= 0, ledger.available(heldBalance) >= hold else { throw .insufficientFunds }
    let taker = Taker(
      orderId: 0, account: order.account, accountIndex: account, clientOrderId: order.clientOrderId,
      market: marketIndex, side: order.side, isMarketOrder: isMarketOrder, price: order.price,
      quantity: order.quantity,
      timeInForce: isMarketOrder
        ? .immediateOrCancel : (order.timeInForce == .unspecified ? .goodTillCanceled : order.timeInForce),
      selfTrade: order.selfTrade == .unspecified ? .cancelTaker : order.selfTrade,
      remaining: order.quantity, held: hold, heldBalance: heldBalance,
      creditBalance: isBuy ? baseBalance : quoteBalance, clientOrderInsertionPoint: insertionPoint)
    if taker.timeInForce == .postOnly {
      guard !crossesOnArrival(taker) else { throw .wouldTake }
    }
    if taker.timeInForce == .fillOrKill {
      guard canFillCompletely(taker) else { throw .fillOrKillUnfillable }
    }
    try checkLimits(taker)
    return taker
  }

  /// The account's balances of a market's base and quote assets, −1 where it has none, through the
  /// account's cache of its last order's market (`AccountState.cachedMarket`), which is filled
  /// once both exist.
  @inline(__always)
  private func marketBalances(
    account: Int32, market: Int32, state: MarketState
  ) -> (base: Int32, quote: Int32) {
    let cached = accounts[account]
    if cached.cachedMarket == market { return (cached.cachedBaseBalance, cached.cachedQuoteBalance) }
    let base = ledger.slot(account: account, asset: state.baseAsset) ?? -1
    let quote = ledger.slot(account: account, asset: state.quoteAsset) ?? -1
    if base >= 0 && quote >= 0 {
      accounts[account].cachedMarket = market
      accounts[account].cachedBaseBalance = base
      accounts[account].cachedQuoteBalance = quote
    }
    return (base, quote)
  }

  /// docs/exchange-rules.md, MALFORMED for placeOrder.
  @inline(__always)
  static func isWellFormed(_ order: PlaceOrder, nameIsKnownValid: Bool = false) -> Bool {
    guard order.account != 0, order.clientOrderId != 0, nameIsKnownValid || order.market.isValidMarketName,
      order.side == .buy || order.side == .sell, order.type == .limit || order.type == .market,
      order.timeInForce != .unrecognized, order.selfTrade != .unrecognized
    else { return false }
    let isMarketOrder = order.type == .market
    if isMarketOrder {
      guard order.price == 0, order.timeInForce == .unspecified || order.timeInForce == .immediateOrCancel
      else { return false }
    }
    if !(isMarketOrder && order.side == .buy) {
      guard order.quoteBudget == 0 else { return false }
    }
    return true
  }

  /// OVERFLOW checks, and what the order holds (SEMANTICS.md, Balances): a LIMIT BUY its notional
  /// plus the fee at the higher rate, a MARKET BUY its budget, a SELL its base units.
  @inline(__always)
  private func holdAmount(_ order: PlaceOrder, market: MarketState) throws(Rejection) -> Int64 {
    let (baseUnits, baseOverflow) = order.quantity.multipliedReportingOverflow(by: market.parameters.lotSize)
    guard !baseOverflow else { throw .overflow }
    if order.type == .market {
      return order.side == .buy ? order.quoteBudget : baseUnits
    }
    let (notional, notionalOverflow) = order.price.multipliedReportingOverflow(by: order.quantity)
    guard !notionalOverflow else { throw .overflow }
    guard order.side == .buy else { return baseUnits }
    guard let hold = FeeArithmetic.notionalWithFee(notional, basisPoints: market.holdFeeBasisPoints) else {
      throw .overflow
    }
    return hold
  }

  /// POST_ONLY: whether the best opposite order's price crosses, whoever owns it.
  private func crossesOnArrival(_ taker: Taker) -> Bool {
    guard let best = books.bestLevel(market: taker.market, side: taker.side.opposite) else { return false }
    return taker.accepts(makerPrice: books.level(best).price)
  }

  /// FOK: whether the quantity the order could trade, counting makers as its self-trade mode
  /// allows (ALLOW every maker, CANCEL_MAKER none of the account's own, CANCEL_TAKER and
  /// CANCEL_BOTH stopping at the first own one), reaches its quantity.
  private func canFillCompletely(_ taker: Taker) -> Bool {
    let sideIndex = OrderBooks.sideIndex(market: taker.market, side: taker.side.opposite)
    var count: Int64 = 0
    let side = books.sides[sideIndex]
    for rank in 0..<side.count {
      let level = books.level(side.levelBestFirst(rank))
      guard taker.accepts(makerPrice: level.price) else { return false }
      if taker.selfTrade == .allow {
        // Σ of a side's lots never overflows: every lot is backed by at least one held unit.
        count += level.quantity
        if count >= taker.quantity { return true }
        continue
      }
      var slot = level.firstOrder
      while slot >= 0 {
        let maker = books[slot]
        if maker.account == taker.accountIndex {
          guard taker.selfTrade == .cancelMaker else { return false }
        } else {
          count += maker.remaining
          if count >= taker.quantity { return true }
        }
        slot = maker.queueNext
      }
    }
    return false
  }

  /// LIMIT_EXCEEDED (docs/exchange-rules.md): an order that may rest needs room for one more
  /// resting order, of the engine and of the account, and for its price level; every accepted order
  /// is remembered in its account's window; the balance it receives into may be new.
  @inline(__always)
  private func checkLimits(_ taker: Taker) throws(Rejection) {
    if taker.mayRest {
      guard books.openOrderCount < limits.openOrdersMax,
        Int(accounts[taker.accountIndex].openOrderCount) < limits.openOrdersPerAccountMax
      else { throw .limitExceeded }
      if books.levelCount(market: taker.market, side: taker.side) >= limits.priceLevelsPerSideMax {
        guard books.hasLevel(market: taker.market, side: taker.side, price: taker.price) else {
          throw .limitExceeded
        }
      }
    }
    if accounts.rememberingNeedsNode(account: taker.accountIndex, window: limits.clientOrderIdWindow) {
      guard accounts.recentOrderCount < limits.recentOrdersMax else { throw .limitExceeded }
    }
    if taker.creditBalance < 0 {
      guard ledger.clientSlotCount < limits.balancesMax else { throw .limitExceeded }
    }
  }
}

extension Side {
  var opposite: Side {
    switch self {
    case .buy: .sell
    case .sell: .buy
    case .unspecified, .unrecognized: preconditionFailure("only a validated side has an opposite")
    }
  }
}
