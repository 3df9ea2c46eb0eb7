import TradelogCore

/// Why a taker stopped matching.
enum MatchEnd {
  /// Its whole quantity traded.
  case filled
  /// No (more) maker at an acceptable price: GTC rests, IOC and MARKET are cancelled with `IOC`.
  case noMoreMakers
  /// CANCEL_TAKER or CANCEL_BOTH met one of the account's own makers.
  case selfTrade
  /// A MARKET BUY's budget cannot pay for one more lot of the next maker.
  case budget
}

// Matching: the taker meets makers best first; each is either a self-trade case or a trade.
extension ReferenceExchange {
  mutating func match(_ taker: inout ReferenceOrder, _ placement: ValidatedPlacement) -> MatchEnd {
    let request = placement.request
    while taker.remaining > 0 {
      guard let maker = marketsByName[taker.market]!.makers(against: taker.side).first,
        crosses(maker: maker, request)
      else { return .noMoreMakers }
      // Self-trade is checked before a MARKET BUY's budget.
      if maker.account == taker.account && placement.selfTrade != .allow {
        switch placement.selfTrade {
        case .cancelMaker:
          cancelResting(orderId: maker.orderId, reason: .selfTrade)
          continue
        case .cancelBoth:
          cancelResting(orderId: maker.orderId, reason: .selfTrade)
          return .selfTrade
        default:
          return .selfTrade
        }
      }
      let quantity = tradableQuantity(taker: taker, maker: maker, placement)
      if quantity == 0 { return .budget }
      trade(taker: &taker, maker: maker, quantity: quantity, market: placement.market)
    }
    return .filled
  }

  /// The lots the taker takes from `maker` now: as many as both have, and for a MARKET BUY the largest
  /// number whose notional plus taker fee fits in what is left of its budget (its hold).
  func tradableQuantity(
    taker: ReferenceOrder, maker: ReferenceOrder, _ placement: ValidatedPlacement
  ) -> Int64 {
    let most = min(taker.remaining, maker.remaining)
    guard placement.request.type == .market && taker.side == .buy else { return most }
    func affordable(_ lots: Int64) -> Bool {
      guard
        let cost = ExactArithmetic.buyHold(
          price: maker.price, quantity: lots, feeBasisPoints: placement.market.takerFeeBps)
      else { return false }
      return cost <= taker.held
    }
    // The cost grows with the lots, so binary search finds the largest affordable count.
    var low: Int64 = 0
    var high = most
    while low < high {
      let middle = low + (high - low + 1) / 2
      if affordable(middle) {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return low
  }

  /// One fill of `quantity` lots at the maker's price, and the money it moves.
  private mutating func trade(
    taker: inout ReferenceOrder, maker: ReferenceOrder, quantity: Int64, market: CreateMarket
  ) {
    guard let notional = ExactArithmetic.product(maker.price, quantity),
      let baseAmount = ExactArithmetic.product(quantity, market.lotSize)
    else { preconditionFailure("a fill of \(quantity) lots of order \(maker.orderId) does not fit Int64") }
    let makerFee = ExactArithmetic.fee(notional: notional, basisPoints: market.makerFeeBps)
    let takerFee = ExactArithmetic.fee(notional: notional, basisPoints: market.takerFeeBps)
    let tradeId = nextTradeId
    nextTradeId += 1
    events.append(
      .trade(
        Trade(
          tradeId: tradeId, market: market.market, price: maker.price, quantity: quantity,
          makerOrderId: maker.orderId, takerOrderId: taker.orderId, makerAccount: maker.account,
          takerAccount: taker.account, takerSide: taker.side, makerFee: makerFee, takerFee: takerFee)))

    var maker = maker
    let buyerFee = taker.side == .buy ? takerFee : makerFee
    let sellerFee = taker.side == .buy ? makerFee : takerFee
    if taker.side == .buy {
      pay(&taker, quoteCost: notional + buyerFee, baseProceeds: baseAmount, market: market)
      deliver(&maker, baseCost: baseAmount, quoteProceeds: notional - sellerFee, market: market)
    } else {
      pay(&maker, quoteCost: notional + buyerFee, baseProceeds: baseAmount, market: market)
      deliver(&taker, baseCost: baseAmount, quoteProceeds: notional - sellerFee, market: market)
    }
    changeBalance(account: 0, asset: market.quote, available: makerFee + takerFee)
    maker.remaining -= quantity
    taker.remaining -= quantity

    if maker.remaining == 0 {
      removeResting(orderId: maker.orderId)
      events.append(.orderFilled(OrderFilled(orderId: maker.orderId, account: maker.account)))
      // A buy's savings from better prices and fee rounding return when it ends.
      release(maker.held, of: maker.side == .buy ? market.quote : market.base, account: maker.account)
    } else {
      updateResting(maker)
    }
    if taker.remaining == 0 {
      events.append(.orderFilled(OrderFilled(orderId: taker.orderId, account: taker.account)))
    }
  }

  /// The buyer's order pays `notional + fee` out of its hold and receives the base into available.
  private mutating func pay(
    _ buyer: inout ReferenceOrder, quoteCost: Int64, baseProceeds: Int64, market: CreateMarket
  ) {
    precondition(
      buyer.held >= quoteCost, "buy order \(buyer.orderId) holds \(buyer.held) < fill cost \(quoteCost)")
    buyer.held -= quoteCost
    changeBalance(account: buyer.account, asset: market.quote, held: -quoteCost)
    changeBalance(account: buyer.account, asset: market.base, available: baseProceeds)
  }

  /// The seller's order pays the base out of its hold and receives `notional − fee` into available.
  private mutating func deliver(
    _ seller: inout ReferenceOrder, baseCost: Int64, quoteProceeds: Int64, market: CreateMarket
  ) {
    precondition(
      seller.held >= baseCost, "sell order \(seller.orderId) holds \(seller.held) < fill \(baseCost)")
    seller.held -= baseCost
    changeBalance(account: seller.account, asset: market.base, held: -baseCost)
    changeBalance(account: seller.account, asset: market.quote, available: quoteProceeds)
  }
}
