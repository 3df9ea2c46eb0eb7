import Testing
import TradelogCore

/// placeOrder: MALFORMED → UNKNOWN_MARKET → INVALID_PRICE → INVALID_QUANTITY → OVERFLOW →
/// DUPLICATE_ID → INSUFFICIENT_FUNDS → WOULD_TAKE / FOK_UNFILLABLE; acceptance, defaults, ids.
@Suite struct EnginePlacementTests {
  typealias X = TestExchange

  static func exchange(limits: EngineLimits = .standard) -> TestExchange {
    var exchange = TestExchange(limits: limits)
    exchange.createMarket(tickSize: 5, minQuantity: 2, makerFeeBps: 10, takerFeeBps: 20)
    exchange.fund(7, "USD", 1_000_000)
    exchange.fund(7, "BTC", 1_000)
    return exchange
  }

  static func order(
    account: UInt64 = 7, clientOrderId: UInt64 = 1, market: Symbol = TestExchange.market, side: Side = .buy,
    type: OrderType = .limit, price: Int64 = 100, quantity: Int64 = 10, quoteBudget: Int64 = 0,
    timeInForce: TimeInForce = .unspecified, selfTrade: SelfTradePrevention = .unspecified
  ) -> PlaceOrder {
    PlaceOrder(
      account: account, clientOrderId: clientOrderId, market: market, side: side, type: type, price: price,
      quantity: quantity, quoteBudget: quoteBudget, timeInForce: timeInForce, selfTrade: selfTrade)
  }

  static func rejection(_ order: PlaceOrder, _ reason: RejectReason) -> Event {
    X.rejected(account: order.account, clientOrderId: order.clientOrderId, market: order.market, reason)
  }

  @Test func acceptedBuyHoldsNotionalPlusTheHigherFee() {
    var exchange = Self.exchange()
    // 100 × 10 = 1000, plus 20 bps (the higher of 10 and 20) = 2.
    #expect(
      exchange.limit(7, 1, .buy, price: 100, quantity: 10) == [
        X.accepted(1, account: 7, clientOrderId: 1, .buy, price: 100, quantity: 10),
        X.balance(7, "USD", available: 1_000_000 - 1_002, held: 1_002),
      ])
    #expect(exchange.openOrder(1)?.held == 1_002)
  }

  @Test func acceptedSellHoldsBaseUnits() {
    var exchange = TestExchange()
    exchange.createMarket(lotSize: 100)
    exchange.fund(8, "BTC", 1_000)
    #expect(
      exchange.limit(8, 1, .sell, price: 7, quantity: 4) == [
        X.accepted(1, account: 8, clientOrderId: 1, .sell, price: 7, quantity: 4),
        X.balance(8, "BTC", available: 600, held: 400),
      ])
  }

  @Test func insufficientFundsCountsTheFeeAtTheHigherRate() {
    var exchange = TestExchange()
    exchange.createMarket(makerFeeBps: 10, takerFeeBps: 20)
    exchange.fund(7, "USD", 1_001)
    let order = Self.order(price: 100, quantity: 10)
    #expect(exchange.apply(.placeOrder(order)) == [Self.rejection(order, .insufficientFunds)])
    exchange.fund(7, "USD", 1)
    #expect(
      exchange.apply(.placeOrder(order)).first
        == X.accepted(1, account: 7, clientOrderId: 1, .buy, price: 100, quantity: 10))
  }

  @Test func insufficientFundsForSellsAndMarketBuysAndUnknownAccounts() {
    var exchange = Self.exchange()
    let sell = Self.order(side: .sell, quantity: 1_001)
    #expect(exchange.apply(.placeOrder(sell)) == [Self.rejection(sell, .insufficientFunds)])
    let marketBuy = Self.order(type: .market, price: 0, quantity: 2, quoteBudget: 1_000_001)
    #expect(exchange.apply(.placeOrder(marketBuy)) == [Self.rejection(marketBuy, .insufficientFunds)])
    let stranger = Self.order(account: 99)
    #expect(exchange.apply(.placeOrder(stranger)) == [Self.rejection(stranger, .insufficientFunds)])
  }

  static let malformedOrders: [PlaceOrder] = [
    order(account: 0),
    order(clientOrderId: 0),
    order(market: X.name("btc-usd")),
    order(market: .unreadable),
    order(market: .empty),
    order(side: .unspecified),
    order(side: .unrecognized),
    order(type: .unspecified),
    order(type: .unrecognized),
    order(timeInForce: .unrecognized),
    order(selfTrade: .unrecognized),
    order(type: .market, price: 10, quoteBudget: 100),
    order(quoteBudget: 5),
    order(side: .sell, type: .market, price: 0, quoteBudget: 5),
    order(type: .market, price: 0, quoteBudget: 100, timeInForce: .goodTillCanceled),
    order(type: .market, price: 0, quoteBudget: 100, timeInForce: .fillOrKill),
    order(side: .sell, type: .market, price: 0, timeInForce: .postOnly),
  ]

  @Test(arguments: malformedOrders.indices)
  func malformed(_ index: Int) {
    var exchange = Self.exchange()
    let order = Self.malformedOrders[index]
    #expect(exchange.apply(.placeOrder(order)) == [Self.rejection(order, .malformed)])
  }

  /// Each order breaks the named rule and all the later ones, so only the order of checks decides.
  static let firstFailureWins: [(PlaceOrder, RejectReason)] = [
    (order(account: 0, market: X.name("ETH-USD"), price: 0), .malformed),
    (order(market: X.name("ETH-USD"), price: 0, quantity: 0), .unknownMarket),
    (order(price: 0, quantity: 0), .invalidPrice),
    (order(price: -5, quantity: 0), .invalidPrice),
    (order(price: 7, quantity: 0), .invalidPrice),
    (order(quantity: 0), .invalidQuantity),
    (order(quantity: 1), .invalidQuantity),
    (order(quantity: -3), .invalidQuantity),
    (order(type: .market, price: 0, quantity: 2, quoteBudget: -1), .invalidQuantity),
    (order(price: .max - 2, quantity: 2), .overflow),
    (order(side: .sell, price: .max - 2, quantity: 2), .overflow),
    // notional fits, notional + fee does not.
    (order(price: 5, quantity: .max / 5), .overflow),
    (order(clientOrderId: 50, quantity: 1_000_000), .duplicateId),
    (order(clientOrderId: 51, price: 100_000, quantity: 11), .insufficientFunds),
  ]

  @Test func theFirstFailingRuleIsTheReason() {
    var exchange = Self.exchange()
    exchange.limit(7, 50, .buy, price: 5, quantity: 2)
    for (order, reason) in Self.firstFailureWins {
      #expect(exchange.apply(.placeOrder(order)) == [Self.rejection(order, reason)], "\(reason)")
    }
  }

  @Test func quantityTimesLotSizeMustFit() {
    var exchange = TestExchange()
    exchange.createMarket(lotSize: 1_000)
    exchange.fund(7, "BTC", 10)
    let sell = Self.order(side: .sell, type: .market, price: 0, quantity: .max / 999)
    #expect(exchange.apply(.placeOrder(sell)) == [Self.rejection(sell, .overflow)])
    // A MARKET order's quantity × price is not checked: it has no price.
    let bigMarketSell = Self.order(side: .sell, type: .market, price: 0, quantity: .max / 1_000)
    #expect(exchange.apply(.placeOrder(bigMarketSell)) == [Self.rejection(bigMarketSell, .insufficientFunds)])
  }

  @Test func insufficientFundsComesBeforeWouldTakeAndFillOrKill() {
    var exchange = Self.exchange()
    exchange.limit(7, 1, .sell, price: 100, quantity: 5)
    let postOnly = Self.order(account: 8, clientOrderId: 2, price: 100, quantity: 2, timeInForce: .postOnly)
    #expect(exchange.apply(.placeOrder(postOnly)) == [Self.rejection(postOnly, .insufficientFunds)])
    let fillOrKill = Self.order(
      account: 8, clientOrderId: 3, price: 100, quantity: 9, timeInForce: .fillOrKill)
    #expect(exchange.apply(.placeOrder(fillOrKill)) == [Self.rejection(fillOrKill, .insufficientFunds)])
  }

  @Test func defaultsAreAppliedAndReported() {
    var exchange = Self.exchange()
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2).first
        == X.accepted(
          1, account: 7, clientOrderId: 1, .buy, price: 5, quantity: 2, timeInForce: .goodTillCanceled))
    let marketSell = Self.order(clientOrderId: 2, side: .sell, type: .market, price: 0, quantity: 2)
    #expect(
      exchange.apply(.placeOrder(marketSell)).first
        == X.accepted(
          2, account: 7, clientOrderId: 2, .sell, price: 0, quantity: 2, type: .market,
          timeInForce: .immediateOrCancel))
    let marketBuyWithIOC = Self.order(
      clientOrderId: 3, type: .market, price: 0, quantity: 2, quoteBudget: 10, timeInForce: .immediateOrCancel
    )
    #expect(
      exchange.apply(.placeOrder(marketBuyWithIOC)).first
        == X.accepted(
          3, account: 7, clientOrderId: 3, .buy, price: 0, quantity: 2, type: .market,
          timeInForce: .immediateOrCancel))
  }

  @Test func aMarketOrderWithoutMakersIsAcceptedThenCancelledWithItsHoldBack() {
    var exchange = Self.exchange()
    let marketBuy = Self.order(type: .market, price: 0, quantity: 4, quoteBudget: 500)
    // Held and released in one command: the balance is unchanged, so no balanceChanged.
    #expect(
      exchange.apply(.placeOrder(marketBuy)) == [
        X.accepted(
          1, account: 7, clientOrderId: 1, .buy, price: 0, quantity: 4, type: .market,
          timeInForce: .immediateOrCancel),
        X.canceled(1, account: 7, remaining: 4, .immediateOrCancel),
      ])
  }

  @Test func rejectedOrdersTakeNoOrderId() {
    var exchange = Self.exchange()
    exchange.limit(7, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2) == [
        X.rejected(account: 7, clientOrderId: 1, .duplicateId)
      ])
    #expect(
      exchange.limit(7, 2, .buy, price: 100, quantity: 2, timeInForce: .postOnly) == [
        X.rejected(account: 7, clientOrderId: 2, .wouldTake)
      ])
    #expect(
      exchange.limit(7, 3, .buy, price: 100, quantity: 4, timeInForce: .fillOrKill) == [
        X.rejected(account: 7, clientOrderId: 3, .fillOrKillUnfillable)
      ])
    #expect(
      exchange.limit(7, 4, .buy, price: 5, quantity: 2).first
        == X.accepted(2, account: 7, clientOrderId: 4, .buy, price: 5, quantity: 2))
  }

  @Test func clientOrderIdOfAnOpenOrderStaysReservedBeyondTheWindow() {
    var limits = EngineLimits.standard
    limits.clientOrderIdWindow = 3
    var exchange = Self.exchange(limits: limits)
    exchange.limit(7, 1, .buy, price: 5, quantity: 2)
    for clientOrderId in UInt64(2)...5 {
      exchange.limit(7, clientOrderId, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    }
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2) == [
        X.rejected(account: 7, clientOrderId: 1, .duplicateId)
      ])
    exchange.apply(.cancelOrder(CancelOrder(account: 7, orderId: 1)))
    // No longer open, and older than the last 3 accepted orders (3, 4, 5): free again.
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2).first
        == X.accepted(6, account: 7, clientOrderId: 1, .buy, price: 5, quantity: 2))
  }

  @Test func theWindowCountsAcceptedOrdersOfTheAccountOnly() {
    var limits = EngineLimits.standard
    limits.clientOrderIdWindow = 2
    var exchange = Self.exchange(limits: limits)
    exchange.fund(8, "USD", 1_000)
    exchange.limit(7, 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    // Rejected orders and other accounts' orders do not push clientOrderId 1 out of 7's window.
    exchange.limit(7, 2, .buy, price: 5, quantity: 1)
    exchange.limit(7, 3, .buy, price: 5_000_000, quantity: 2)
    exchange.limit(8, 4, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    exchange.limit(8, 5, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2) == [
        X.rejected(account: 7, clientOrderId: 1, .duplicateId)
      ])
    // Another account may use the same clientOrderId.
    #expect(
      exchange.limit(8, 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel).first
        == X.accepted(
          4, account: 8, clientOrderId: 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel))
    exchange.limit(7, 6, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel) == [
        X.rejected(account: 7, clientOrderId: 1, .duplicateId)
      ])
    exchange.limit(7, 7, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel).first
        == X.accepted(
          7, account: 7, clientOrderId: 1, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel))
  }

  @Test func theDefaultWindowIsTenThousandAcceptedOrders() {
    var exchange = Self.exchange()
    var batch = EventBuffer(capacity: 8)
    for clientOrderId in UInt64(1)...10_000 {
      exchange.engine.apply(
        X.limit(7, clientOrderId, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel), timestamp: 0,
        into: &batch)
    }
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2) == [
        X.rejected(account: 7, clientOrderId: 1, .duplicateId)
      ])
    exchange.limit(7, 10_001, .buy, price: 5, quantity: 2, timeInForce: .immediateOrCancel)
    #expect(
      exchange.limit(7, 2, .buy, price: 5, quantity: 2) == [
        X.rejected(account: 7, clientOrderId: 2, .duplicateId)
      ])
    #expect(
      exchange.limit(7, 1, .buy, price: 5, quantity: 2).first
        == X.accepted(10_002, account: 7, clientOrderId: 1, .buy, price: 5, quantity: 2))
  }
}
