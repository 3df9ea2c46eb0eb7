import TradelogCore

// cancelOrder, cancelAll, reduceOrder, and the bookkeeping of resting orders.
extension ReferenceExchange {
  mutating func cancelOrder(_ request: CancelOrder) {
    let namesExactlyOne = (request.orderId == 0) != (request.clientOrderId == 0)
    if request.account == 0 || !namesExactlyOne {
      rejectCancel(request, reason: .malformed)
      return
    }
    guard let orderId = openOrderId(of: request) else {
      rejectCancel(request, reason: .unknownOrder)
      return
    }
    cancelResting(orderId: orderId, reason: .user)
  }

  /// The open order a cancel names: by orderId among the account's open orders, or by clientOrderId.
  func openOrderId(of request: CancelOrder) -> UInt64? {
    if request.orderId != 0 {
      return restingOrders[request.orderId]?.account == request.account ? request.orderId : nil
    }
    return accounts[request.account]?.openOrderIds[request.clientOrderId]
  }

  private mutating func rejectCancel(_ request: CancelOrder, reason: RejectReason) {
    events.append(
      .orderRejected(
        OrderRejected(
          account: request.account, orderId: request.orderId, clientOrderId: request.clientOrderId,
          market: .empty, reason: reason)))
  }

  mutating func cancelAll(_ request: CancelAll) {
    let reject = { (reason: RejectReason) in
      Event.orderRejected(
        OrderRejected(
          account: request.account, orderId: 0, clientOrderId: 0, market: request.market, reason: reason))
    }
    if request.account == 0 || (!request.market.isEmpty && !isValidMarketName(request.market)) {
      events.append(reject(.malformed))
      return
    }
    if !request.market.isEmpty && marketsByName[request.market] == nil {
      events.append(reject(.unknownMarket))
      return
    }
    let orderIds = (accounts[request.account]?.openOrderIds.values.map { $0 } ?? [])
      .filter { request.market.isEmpty || restingOrders[$0]!.market == request.market }
      .sorted()
    for orderId in orderIds {
      cancelResting(orderId: orderId, reason: .cancelAll)
    }
  }

  mutating func reduceOrder(_ request: ReduceOrder) {
    let reject = { (reason: RejectReason, market: Symbol) in
      Event.orderRejected(
        OrderRejected(
          account: request.account, orderId: request.orderId, clientOrderId: 0, market: market, reason: reason
        ))
    }
    if request.account == 0 || request.orderId == 0 {
      events.append(reject(.malformed, .empty))
      return
    }
    guard let location = restingOrders[request.orderId], location.account == request.account else {
      events.append(reject(.unknownOrder, .empty))
      return
    }
    if request.reduceBy <= 0 {
      events.append(reject(.invalidQuantity, location.market))
      return
    }
    var order = restingOrder(request.orderId)
    if request.reduceBy >= order.remaining {
      cancelResting(orderId: order.orderId, reason: .user)
      return
    }
    let market = marketsByName[order.market]!.parameters
    order.remaining -= request.reduceBy
    // SEMANTICS.md: the hold becomes exactly what the remaining quantity needs under the placement rule.
    let needed =
      order.side == .buy
      ? ExactArithmetic.buyHold(
        price: order.price, quantity: order.remaining, feeBasisPoints: market.highestFeeBasisPoints)!
      : order.remaining * market.lotSize
    precondition(
      needed <= order.held, "order \(order.orderId) holds \(order.held) < \(needed) needed after reduce")
    release(order.held - needed, of: order.side == .buy ? market.quote : market.base, account: order.account)
    order.held = needed
    updateResting(order)
    events.append(
      .orderReduced(OrderReduced(orderId: order.orderId, account: order.account, remaining: order.remaining)))
  }

  /// Takes a resting order off its book, emits its `orderCanceled` and returns its hold.
  mutating func cancelResting(orderId: UInt64, reason: CancelReason) {
    let order = restingOrder(orderId)
    removeResting(orderId: orderId)
    events.append(
      .orderCanceled(
        OrderCanceled(
          orderId: order.orderId, account: order.account, remaining: order.remaining, reason: reason)))
    let market = marketsByName[order.market]!.parameters
    release(order.held, of: order.side == .buy ? market.quote : market.base, account: order.account)
  }

  func restingOrder(_ orderId: UInt64) -> ReferenceOrder {
    let location = restingOrders[orderId]!
    let book = marketsByName[location.market]!
    return book.order(
      at: book.index(ofPrice: location.price, orderId: orderId, on: location.side), on: location.side)
  }

  /// Writes back a resting order whose quantity or hold changed; its place in the queue stays.
  mutating func updateResting(_ order: ReferenceOrder) {
    let index = marketsByName[order.market]!.index(
      ofPrice: order.price, orderId: order.orderId, on: order.side)
    marketsByName[order.market]!.replace(at: index, on: order.side, with: order)
  }

  /// Forgets a resting order everywhere it is indexed. The caller settles its hold.
  mutating func removeResting(orderId: UInt64) {
    let order = restingOrder(orderId)
    let index = marketsByName[order.market]!.index(ofPrice: order.price, orderId: orderId, on: order.side)
    marketsByName[order.market]!.remove(at: index, on: order.side)
    restingOrders[orderId] = nil
    accounts[order.account]!.openOrderIds[order.clientOrderId] = nil
  }
}
