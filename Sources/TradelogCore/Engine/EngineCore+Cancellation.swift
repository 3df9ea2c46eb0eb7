extension EngineCore {
  /// cancelOrder: MALFORMED (also neither or both of orderId and clientOrderId) → UNKNOWN_ORDER.
  func cancelOrder(_ cancel: CancelOrder, into batch: inout EventBuffer) {
    let slot: Int32
    do throws(Rejection) {
      guard cancel.account != 0, (cancel.orderId == 0) != (cancel.clientOrderId == 0) else {
        throw .malformed
      }
      slot = try openOrder(
        account: cancel.account, orderId: cancel.orderId, clientOrderId: cancel.clientOrderId)
    } catch {
      batch.append(
        .orderRejected(
          OrderRejected(
            account: cancel.account, orderId: cancel.orderId, clientOrderId: cancel.clientOrderId,
            market: .empty, reason: error.reason)))
      return
    }
    cancelResting(slot, reason: .user, into: &batch)
    ledger.emitChanges(into: &batch)
  }

  /// reduceOrder: MALFORMED → UNKNOWN_ORDER → INVALID_QUANTITY. Reducing by the remaining quantity
  /// or more cancels (USER); otherwise the order keeps its place and its hold shrinks to what the
  /// new quantity needs.
  func reduceOrder(_ reduce: ReduceOrder, into batch: inout EventBuffer) {
    let slot: Int32
    do throws(Rejection) {
      guard reduce.account != 0, reduce.orderId != 0 else { throw .malformed }
      slot = try openOrder(account: reduce.account, orderId: reduce.orderId, clientOrderId: 0)
    } catch {
      batch.append(
        .orderRejected(
          OrderRejected(
            account: reduce.account, orderId: reduce.orderId, clientOrderId: 0, market: .empty,
            reason: error.reason)))
      return
    }
    let order = books[slot]
    let market = marketStates[Int(order.market)]
    guard reduce.reduceBy > 0 else {
      batch.append(
        .orderRejected(
          OrderRejected(
            account: reduce.account, orderId: reduce.orderId, clientOrderId: 0,
            market: market.parameters.market, reason: .invalidQuantity)))
      return
    }
    if reduce.reduceBy >= order.remaining {
      cancelResting(slot, reason: .user, into: &batch)
    } else {
      let remaining = order.remaining - reduce.reduceBy
      // Both fit: they are below what the order held when it was placed.
      let needed =
        order.side == .buy
        ? books.price(of: slot) * remaining
          + FeeArithmetic.fee(
            notional: books.price(of: slot) * remaining, basisPoints: market.holdFeeBasisPoints)
        : remaining * market.parameters.lotSize
      precondition(needed <= order.held, "a buy's hold never falls below what its remaining quantity needs")
      books.decrease(slot, by: reduce.reduceBy)
      books[slot].held = needed
      ledger.release(order.held - needed, in: order.heldBalance)
      batch.append(
        .orderReduced(OrderReduced(orderId: order.orderId, account: reduce.account, remaining: remaining)))
    }
    ledger.emitChanges(into: &batch)
  }

  /// cancelAll: MALFORMED → UNKNOWN_MARKET; then every resting order of the account in the market
  /// (or in every market), in ascending orderId. No orders, no events.
  func cancelAll(_ cancel: CancelAll, into batch: inout EventBuffer) {
    var onlyMarket: Int32?
    do throws(Rejection) {
      guard cancel.account != 0, cancel.market.isEmpty || cancel.market.isValidMarketName else {
        throw .malformed
      }
      if !cancel.market.isEmpty {
        guard let market = market(named: cancel.market) else { throw .unknownMarket }
        onlyMarket = market
      }
    } catch {
      batch.append(
        .orderRejected(
          OrderRejected(
            account: cancel.account, orderId: 0, clientOrderId: 0, market: cancel.market, reason: error.reason
          )))
      return
    }
    guard let account = accounts.index(of: cancel.account) else { return }
    var slot = accounts[account].firstOpenOrder
    while slot >= 0 {
      let next = books[slot].accountNext
      if onlyMarket == nil || books[slot].market == onlyMarket {
        cancelResting(slot, reason: .cancelAll, into: &batch)
      }
      slot = next
    }
    ledger.emitChanges(into: &batch)
  }

  /// The resting order of `account` named by orderId or by clientOrderId; another account's order,
  /// or one no longer resting, is unknown.
  @inline(__always)
  private func openOrder(account: UInt64, orderId: UInt64, clientOrderId: UInt64) throws(Rejection) -> Int32 {
    if orderId != 0 {
      // The order names its account: comparing ids spares a lookup of the account (an unknown
      // account has no orders, so it fails the comparison as it would the lookup).
      guard let slot = books.slot(of: orderId), accountId(books[slot].account) == account else {
        throw .unknownOrder
      }
      return slot
    }
    guard let accountIndex = accounts.index(of: account) else { throw .unknownOrder }
    guard let slot = accounts.openOrder(clientOrderId: clientOrderId, account: accountIndex) else {
      throw .unknownOrder
    }
    return slot
  }
}
