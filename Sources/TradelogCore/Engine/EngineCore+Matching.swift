extension EngineCore {
  /// Meets the book with an accepted order, best maker first, then rests, cancels or completes what
  /// is left of it. Events as docs/exchange-rules.md orders them: per maker a self-trade cancel, or
  /// a trade followed by `orderFilled` for the maker, then the taker, when they complete; then the
  /// remainder's cancel. Returns the slot the order rests in, or −1.
  @inline(__always)
  func match(_ taker: inout Taker, into batch: inout EventBuffer) -> Int32 {
    let makerSide = taker.side.opposite
    while taker.remaining > 0 {
      guard let level = books.bestLevel(market: taker.market, side: makerSide) else { break }
      let price = books.level(level).price
      guard taker.accepts(makerPrice: price) else { break }
      let makerSlot = books.level(level).firstOrder
      if books[makerSlot].account == taker.accountIndex && taker.selfTrade != .allow {
        // SEMANTICS.md: self-trade is checked before a MARKET BUY's budget.
        switch taker.selfTrade {
        case .cancelMaker:
          cancelResting(makerSlot, reason: .selfTrade, into: &batch)
          continue
        case .cancelBoth:
          cancelResting(makerSlot, reason: .selfTrade, into: &batch)
          cancelRemainder(of: taker, reason: .selfTrade, into: &batch)
        default:
          cancelRemainder(of: taker, reason: .selfTrade, into: &batch)
        }
        return -1
      }
      var lots = min(taker.remaining, books[makerSlot].remaining)
      if taker.isMarketBuy {
        // docs/exchange-rules.md: each step takes what the budget left pays for; the step after a
        // budget-limited trade looks at the same maker again, and ends the order only when not one
        // more lot fits.
        lots = affordableLots(taker, price: price, wanted: lots)
        guard lots > 0 else {
          cancelRemainder(of: taker, reason: .budget, into: &batch)
          return -1
        }
      }
      trade(&taker, makerSlot: makerSlot, price: price, lots: lots, into: &batch)
    }
    if taker.remaining == 0 {
      ledger.release(taker.held, in: taker.heldBalance)
    } else if taker.mayRest {
      return rest(taker)
    } else {
      cancelRemainder(of: taker, reason: .immediateOrCancel, into: &batch)
    }
    return -1
  }

  /// How many of `wanted` lots at `price` a MARKET BUY's remaining budget pays for, taker fee
  /// included.
  private func affordableLots(_ taker: Taker, price: Int64, wanted: Int64) -> Int64 {
    let takerFee = marketStates[Int(taker.market)].parameters.takerFeeBps
    // `price × wanted` fits: the maker's price times its remaining quantity was checked when it
    // was placed. The exact division below is needed only when the budget binds.
    if let cost = FeeArithmetic.notionalWithFee(price * wanted, basisPoints: takerFee), cost <= taker.held {
      return wanted
    }
    return min(wanted, FeeArithmetic.affordableLots(price: price, budget: taker.held, basisPoints: takerFee))
  }

  /// One fill of `lots` at the maker's `price`: money moves (SEMANTICS.md, Balances), then `trade`
  /// and the `orderFilled` of whichever orders it completes, maker first.
  private func trade(
    _ taker: inout Taker, makerSlot: Int32, price: Int64, lots: Int64, into batch: inout EventBuffer
  ) {
    let market = marketStates[Int(taker.market)]
    let maker = books[makerSlot]
    // Both fit: the maker's price × remaining and both orders' quantity × lotSize were checked
    // when they were placed, and `lots` is within both.
    let notional = price * lots
    let baseUnits = lots * market.parameters.lotSize
    let makerFee = FeeArithmetic.fee(notional: notional, basisPoints: market.parameters.makerFeeBps)
    let takerFee = FeeArithmetic.fee(notional: notional, basisPoints: market.parameters.takerFeeBps)
    let makerPays: Int64
    let takerPays: Int64
    if taker.side == .buy {
      takerPays = notional + takerFee
      makerPays = baseUnits
      ledger.credit(baseUnits, to: taker.creditBalance)
      ledger.credit(notional - makerFee, to: maker.creditBalance)
    } else {
      takerPays = baseUnits
      makerPays = notional + makerFee
      ledger.credit(notional - takerFee, to: taker.creditBalance)
      ledger.credit(baseUnits, to: maker.creditBalance)
    }
    precondition(taker.held >= takerPays && maker.held >= makerPays, "an order's hold covers its fills")
    ledger.pay(takerPays, fromHeld: taker.heldBalance)
    ledger.pay(makerPays, fromHeld: maker.heldBalance)
    ledger.credit(makerFee + takerFee, to: market.feeBalance)
    taker.held -= takerPays
    taker.remaining -= lots
    books[makerSlot].held -= makerPays
    books.decrease(makerSlot, by: lots)
    batch.append(
      .trade(
        Trade(
          tradeId: nextTradeId, market: market.parameters.market, price: price, quantity: lots,
          makerOrderId: maker.orderId, takerOrderId: taker.orderId, makerAccount: accountId(maker.account),
          takerAccount: taker.account, takerSide: taker.side, makerFee: makerFee, takerFee: takerFee)))
    nextTradeId += 1
    if maker.remaining == lots {
      batch.append(.orderFilled(OrderFilled(orderId: maker.orderId, account: accountId(maker.account))))
      closeResting(makerSlot)
    }
    if taker.remaining == 0 {
      batch.append(.orderFilled(OrderFilled(orderId: taker.orderId, account: taker.account)))
    }
  }

  /// Ends an accepted order that will not rest: `orderCanceled` with what is left, and its hold back.
  private func cancelRemainder(of taker: Taker, reason: CancelReason, into batch: inout EventBuffer) {
    batch.append(
      .orderCanceled(
        OrderCanceled(
          orderId: taker.orderId, account: taker.account, remaining: taker.remaining, reason: reason)))
    ledger.release(taker.held, in: taker.heldBalance)
  }

  /// Puts what is left of an order in the book, keeping its hold (savings included).
  @inline(__always)
  private func rest(_ taker: Taker) -> Int32 {
    let order = RestingOrder(
      orderId: taker.orderId, clientOrderId: taker.clientOrderId, remaining: taker.remaining,
      held: taker.held, queuePrevious: -1, queueNext: -1, accountPrevious: -1, accountNext: -1, level: -1,
      account: taker.accountIndex, heldBalance: taker.heldBalance, creditBalance: taker.creditBalance,
      market: taker.market, side: taker.side)
    let slot = books.rest(order, price: taker.price)
    books.linkToAccount(slot, &accounts[taker.accountIndex])
    return slot
  }

  /// Cancels a resting order: `orderCanceled` with its open quantity, then it leaves the book.
  @inline(__always)
  func cancelResting(_ slot: Int32, reason: CancelReason, into batch: inout EventBuffer) {
    let order = books[slot]
    batch.append(
      .orderCanceled(
        OrderCanceled(
          orderId: order.orderId, account: accountId(order.account), remaining: order.remaining,
          reason: reason)))
    closeResting(slot)
  }

  /// Takes a resting order out of the book, its account's list and the clientOrderId index, and
  /// returns what is left of its hold.
  @inline(__always)
  func closeResting(_ slot: Int32) {
    let order = books[slot]
    books.unlinkFromAccount(slot, &accounts[order.account])
    books.remove(slot)
    ledger.release(order.held, in: order.heldBalance)
    accounts.markClosed(clientOrderId: order.clientOrderId, account: order.account)
  }
}
