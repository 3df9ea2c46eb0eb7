import TradelogCore

/// A placeOrder that passed every check up to `INSUFFICIENT_FUNDS`, with its defaults filled in.
struct ValidatedPlacement {
  var request: PlaceOrder
  var market: CreateMarket
  /// GTC for a LIMIT order that left it out, IOC for every MARKET order.
  var timeInForce: TimeInForce
  /// CANCEL_TAKER when left out.
  var selfTrade: SelfTradePrevention
  /// Quote for a buy, base for a sell.
  var heldAsset: Symbol
  /// SEMANTICS.md, Balances: what the order holds when placed.
  var hold: Int64
}

/// The outcome of checking a placeOrder.
enum PlacementCheck {
  case rejected(RejectReason)
  case valid(ValidatedPlacement)
}

// placeOrder: validation in the documented order, then acceptance and matching.
extension ReferenceExchange {
  mutating func placeOrder(_ request: PlaceOrder) {
    switch check(request) {
    case .rejected(let reason):
      rejectPlacement(request, reason: reason)
    case .valid(let placement):
      if let reason = rejectionOnArrival(placement) {
        rejectPlacement(request, reason: reason)
      } else {
        accept(placement)
      }
    }
  }

  private mutating func rejectPlacement(_ request: PlaceOrder, reason: RejectReason) {
    events.append(
      .orderRejected(
        OrderRejected(
          account: request.account, orderId: 0, clientOrderId: request.clientOrderId, market: request.market,
          reason: reason)))
  }

  /// `MALFORMED` → `UNKNOWN_MARKET` → `INVALID_PRICE` → `INVALID_QUANTITY` → `OVERFLOW` →
  /// `DUPLICATE_ID` → `INSUFFICIENT_FUNDS`.
  func check(_ request: PlaceOrder) -> PlacementCheck {
    if isMalformed(request) { return .rejected(.malformed) }
    guard let market = marketsByName[request.market]?.parameters else { return .rejected(.unknownMarket) }
    let isLimit = request.type == .limit
    let isMarketBuy = request.type == .market && request.side == .buy
    if isLimit && (request.price <= 0 || request.price % market.tickSize != 0) {
      return .rejected(.invalidPrice)
    }
    if request.quantity <= 0 || request.quantity < market.minQuantity { return .rejected(.invalidQuantity) }
    if isMarketBuy && request.quoteBudget <= 0 { return .rejected(.invalidQuantity) }
    guard let hold = hold(of: request, in: market) else { return .rejected(.overflow) }
    if let account = accounts[request.account],
      account.openOrderIds[request.clientOrderId] != nil
        || account.acceptedClientOrderIds.contains(request.clientOrderId)
    {
      return .rejected(.duplicateId)
    }
    let heldAsset = request.side == .buy ? market.quote : market.base
    if hold > balance(account: request.account, asset: heldAsset).available {
      return .rejected(.insufficientFunds)
    }
    let timeInForce: TimeInForce =
      isLimit
      ? (request.timeInForce == .unspecified ? .goodTillCanceled : request.timeInForce) : .immediateOrCancel
    let selfTrade: SelfTradePrevention = request.selfTrade == .unspecified ? .cancelTaker : request.selfTrade
    return .valid(
      ValidatedPlacement(
        request: request, market: market, timeInForce: timeInForce, selfTrade: selfTrade,
        heldAsset: heldAsset,
        hold: hold))
  }

  /// The MALFORMED rules of docs/exchange-rules.md for a placeOrder.
  func isMalformed(_ request: PlaceOrder) -> Bool {
    if request.account == 0 || request.clientOrderId == 0 || !isValidMarketName(request.market) {
      return true
    }
    let sideIsKnown = request.side == .buy || request.side == .sell
    let typeIsKnown = request.type == .limit || request.type == .market
    if !sideIsKnown || !typeIsKnown { return true }
    if request.timeInForce == .unrecognized || request.selfTrade == .unrecognized { return true }
    let isMarketOrder = request.type == .market
    if isMarketOrder && request.price != 0 { return true }
    if request.quoteBudget != 0 && !(isMarketOrder && request.side == .buy) { return true }
    if isMarketOrder && request.timeInForce != .unspecified && request.timeInForce != .immediateOrCancel {
      return true
    }
    return false
  }

  /// What the order holds, or nil when one of the OVERFLOW products does not fit `Int64`:
  /// `quantity × lotSize` for every order, `price × quantity` for a LIMIT order, and a LIMIT BUY's hold.
  func hold(of request: PlaceOrder, in market: CreateMarket) -> Int64? {
    guard let baseAmount = ExactArithmetic.product(request.quantity, market.lotSize) else { return nil }
    switch (request.type, request.side) {
    case (.limit, .buy):
      return ExactArithmetic.buyHold(
        price: request.price, quantity: request.quantity, feeBasisPoints: market.highestFeeBasisPoints)
    case (.limit, _):
      return ExactArithmetic.product(request.price, request.quantity) == nil ? nil : baseAmount
    case (_, .buy):
      return request.quoteBudget
    default:
      return baseAmount
    }
  }

  /// `WOULD_TAKE` (POST_ONLY) or `FOK_UNFILLABLE` (FOK), judged against the book on arrival.
  func rejectionOnArrival(_ placement: ValidatedPlacement) -> RejectReason? {
    let request = placement.request
    let book = marketsByName[request.market]!
    switch placement.timeInForce {
    case .postOnly:
      if let best = book.makers(against: request.side).first, crosses(maker: best, request) {
        return .wouldTake
      }
      return nil
    case .fillOrKill:
      return fillableQuantity(placement, in: book) < request.quantity ? .fillOrKillUnfillable : nil
    default:
      return nil
    }
  }

  /// How much a FOK order could actually trade, counting makers per its self-trade mode: ALLOW counts
  /// every maker, CANCEL_MAKER skips the account's own, CANCEL_TAKER and CANCEL_BOTH stop at the
  /// first of them. Stops counting once the order's quantity is reached.
  func fillableQuantity(_ placement: ValidatedPlacement, in book: ReferenceMarket) -> Int64 {
    let request = placement.request
    var count: Int64 = 0
    for maker in book.makers(against: request.side) {
      guard crosses(maker: maker, request), count < request.quantity else { break }
      if maker.account == request.account {
        switch placement.selfTrade {
        case .allow: break
        case .cancelMaker: continue
        default: return count
        }
      }
      count += maker.remaining
    }
    return count
  }

  /// Whether a taker may trade with `maker`: a MARKET order with any, a LIMIT order at or better than
  /// its price.
  func crosses(maker: ReferenceOrder, _ request: PlaceOrder) -> Bool {
    if request.type == .market { return true }
    return request.side == .buy ? maker.price <= request.price : maker.price >= request.price
  }

  private mutating func accept(_ placement: ValidatedPlacement) {
    let request = placement.request
    let orderId = nextOrderId
    nextOrderId += 1
    events.append(
      .orderAccepted(
        OrderAccepted(
          orderId: orderId, account: request.account, clientOrderId: request.clientOrderId,
          market: request.market, side: request.side, type: request.type, price: request.price,
          quantity: request.quantity, timeInForce: placement.timeInForce)))
    accounts[request.account, default: ReferenceAccount()].acceptedClientOrderIds.append(
      request.clientOrderId)
    hold(placement.hold, of: placement.heldAsset, account: request.account)
    var taker = ReferenceOrder(
      orderId: orderId, account: request.account, clientOrderId: request.clientOrderId,
      market: request.market,
      side: request.side, price: request.price, remaining: request.quantity, held: placement.hold)
    let end = match(&taker, placement)
    precondition(
      end == .filled || placement.timeInForce != .fillOrKill,
      "FOK order \(orderId) was counted fillable but stopped with \(end)")
    finish(taker, placement, end: end)
  }

  /// What becomes of the taker once matching stops.
  private mutating func finish(_ taker: ReferenceOrder, _ placement: ValidatedPlacement, end: MatchEnd) {
    switch end {
    case .filled:
      // A buy's savings from better prices and fee rounding return now.
      release(taker.held, of: placement.heldAsset, account: taker.account)
    case .selfTrade:
      cancelTaker(taker, placement, reason: .selfTrade)
    case .budget:
      cancelTaker(taker, placement, reason: .budget)
    case .noMoreMakers:
      if placement.timeInForce == .goodTillCanceled || placement.timeInForce == .postOnly {
        rest(taker)
      } else {
        cancelTaker(taker, placement, reason: .immediateOrCancel)
      }
    }
  }

  private mutating func cancelTaker(
    _ taker: ReferenceOrder, _ placement: ValidatedPlacement, reason: CancelReason
  ) {
    events.append(
      .orderCanceled(
        OrderCanceled(
          orderId: taker.orderId, account: taker.account, remaining: taker.remaining, reason: reason)))
    release(taker.held, of: placement.heldAsset, account: taker.account)
  }

  private mutating func rest(_ order: ReferenceOrder) {
    marketsByName[order.market]!.insert(order)
    restingOrders[order.orderId] = RestingOrderLocation(
      account: order.account, market: order.market, side: order.side, price: order.price)
    accounts[order.account, default: ReferenceAccount()].openOrderIds[order.clientOrderId] = order.orderId
  }
}

extension CreateMarket {
  /// A LIMIT BUY holds its fee at the higher of the two rates: it may end up maker or taker.
  var highestFeeBasisPoints: Int32 { max(makerFeeBps, takerFeeBps) }
}
