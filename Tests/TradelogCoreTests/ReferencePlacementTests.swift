import Testing
import TradelogCore
import TradelogSimulation

/// placeOrder validation: MALFORMED, the documented order of the other reasons, defaults and holds.
@Suite struct ReferencePlacementTests {
  /// A LIMIT BUY of account 1 that would be accepted; each malformed case changes one thing.
  static let validBuy = PlaceOrder(
    account: 1, clientOrderId: 5, market: btcUsd.market, side: .buy, type: .limit, price: 10_000, quantity: 2)

  static let malformedOrders: [PlaceOrder] = {
    func changed(_ change: (inout PlaceOrder) -> Void) -> PlaceOrder {
      var order = validBuy
      change(&order)
      return order
    }
    return [
      changed { $0.account = 0 },
      changed {
        $0.account = 0
        $0.market = symbol("NOPE")
      },
      changed { $0.clientOrderId = 0 },
      changed { $0.market = symbol("btc-usd") },
      changed { $0.market = .empty },
      changed { $0.market = .unreadable },
      changed { $0.side = .unspecified },
      changed { $0.side = .unrecognized },
      changed { $0.type = .unspecified },
      changed { $0.type = .unrecognized },
      changed { $0.timeInForce = .unrecognized },
      changed { $0.selfTrade = .unrecognized },
      changed { $0.type = .market },  // a price on a MARKET order
      changed { $0.quoteBudget = 100 },  // a budget on a LIMIT BUY
      changed {
        $0.side = .sell
        $0.quoteBudget = 100
      },
      changed {
        $0.type = .market
        $0.side = .sell
        $0.price = 0
        $0.quoteBudget = 100
      },
      changed {
        $0.type = .market
        $0.price = 0
        $0.quoteBudget = 100
        $0.timeInForce = .goodTillCanceled
      },
      changed {
        $0.type = .market
        $0.price = 0
        $0.quoteBudget = 100
        $0.timeInForce = .fillOrKill
      },
      changed {
        $0.type = .market
        $0.price = 0
        $0.quoteBudget = 100
        $0.timeInForce = .postOnly
      },
    ]
  }()

  @Test(arguments: malformedOrders)
  func malformedOrderIsRejectedCarryingWhatItSaid(order: PlaceOrder) {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000_000)
    #expect(
      scenario.apply(.placeOrder(order))
        == [
          rejected(
            account: order.account, clientOrderId: order.clientOrderId, market: order.market, .malformed)
        ])
  }

  /// Account 1 rests a sell (orderId 1, clientOrderId 1) and has 1,000,000 USD. Each order here fails
  /// for its reason while also breaking a rule checked later.
  static let orderedRejections: [(PlaceOrder, RejectReason)] = {
    func buy(
      _ clientOrderId: UInt64, price: Int64, quantity: Int64, _ timeInForce: TimeInForce = .unspecified,
      market: Symbol = btcUsd.market
    ) -> PlaceOrder {
      PlaceOrder(
        account: 1, clientOrderId: clientOrderId, market: market, side: .buy, type: .limit, price: price,
        quantity: quantity, timeInForce: timeInForce)
    }
    var marketBuy = buy(1, price: 0, quantity: 2)
    marketBuy.type = .market
    var negativeBudget = marketBuy
    negativeBudget.quoteBudget = -1
    var hugeSell = buy(1, price: 5, quantity: Int64.max / 10 + 1)
    hugeSell.side = .sell
    var costlySell = buy(1, price: 4_611_686_018_427_387_905, quantity: 2)
    costlySell.side = .sell
    return [
      (buy(1, price: 10_001, quantity: 0, market: symbol("ETH-USD")), .unknownMarket),
      (buy(1, price: 10_001, quantity: 0), .invalidPrice),
      (buy(1, price: 0, quantity: 1), .invalidPrice),
      (buy(1, price: -10, quantity: 1), .invalidPrice),
      (buy(1, price: 10_000, quantity: 0), .invalidQuantity),
      (buy(1, price: 10_000, quantity: -1), .invalidQuantity),
      (marketBuy, .invalidQuantity),
      (negativeBudget, .invalidQuantity),
      (hugeSell, .overflow),  // quantity × lotSize
      (costlySell, .overflow),  // price × quantity
      (buy(1, price: 9_223_372_036_854_775_805, quantity: 1), .overflow),  // notional fits, plus fee does not
      (buy(1, price: 10_000, quantity: 1_000), .duplicateId),
      (buy(2, price: 10_000, quantity: 1_000, .postOnly), .insufficientFunds),
      (buy(2, price: 10_000, quantity: 1, .postOnly), .wouldTake),
      (buy(2, price: 10_000, quantity: 2, .fillOrKill), .fillOrKillUnfillable),
    ]
  }()

  @Test(arguments: orderedRejections)
  func rejectionsFollowTheDocumentedOrderAndLeaveNoTrace(order: PlaceOrder, reason: RejectReason) {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(1, "BTC", 1_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    let balances = scenario.exchange.balances
    let openOrders = scenario.exchange.openOrders
    #expect(
      scenario.apply(.placeOrder(order))
        == [rejected(account: 1, clientOrderId: order.clientOrderId, market: order.market, reason)])
    #expect(scenario.exchange.balances == balances)
    #expect(scenario.exchange.openOrders == openOrders)
    // No order id was used up.
    #expect(
      scenario.limit(1, 9, .buy, price: 5, quantity: 1)
        == [
          accepted(2, account: 1, clientOrderId: 9, .buy, price: 5, quantity: 1),
          balance(1, "USD", 999_995, 5),
        ])
  }

  @Test func aSellAtAPriceWhoseBuyHoldWouldOverflowIsAccepted() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 10)
    #expect(
      scenario.limit(1, 1, .sell, price: 9_223_372_036_854_775_805, quantity: 1)
        == [
          accepted(1, account: 1, clientOrderId: 1, .sell, price: 9_223_372_036_854_775_805, quantity: 1),
          balance(1, "BTC", 0, 10),
        ])
  }

  @Test func quantityBelowTheMarketMinimumIsInvalid() {
    let ethUsd = CreateMarket(
      market: symbol("ETH-USD"), base: symbol("ETH"), quote: symbol("USD"), lotSize: 1, tickSize: 1,
      minQuantity: 3,
      makerFeeBps: 30, takerFeeBps: 10)
    var scenario = Scenario(markets: [ethUsd])
    scenario.fund(1, "USD", 1_000_000)
    #expect(
      scenario.limit(1, 1, .buy, price: 333, quantity: 2, market: ethUsd)
        == [rejected(account: 1, clientOrderId: 1, market: ethUsd.market, .invalidQuantity)])
    // 333 × 3 = 999, plus the fee at the higher (maker) rate: 999 × 30 / 10000 = 2.997, rounded down.
    #expect(
      scenario.limit(1, 1, .buy, price: 333, quantity: 3, market: ethUsd)
        == [
          accepted(1, account: 1, clientOrderId: 1, .buy, price: 333, quantity: 3, market: ethUsd.market),
          balance(1, "USD", 1_000_000 - 1_001, 1_001),
        ])
  }

  @Test func limitBuyHoldsNotionalPlusTheHigherFeeRoundedDown() {
    var scenario = Scenario()
    // 1,005 × 7 = 7,035; 7,035 × 20 / 10000 = 14.07, so the hold is 7,049.
    scenario.fund(2, "USD", 7_048)
    #expect(
      scenario.limit(2, 1, .buy, price: 1_005, quantity: 7)
        == [rejected(account: 2, clientOrderId: 1, .insufficientFunds)])
    scenario.fund(2, "USD", 1)
    #expect(
      scenario.limit(2, 1, .buy, price: 1_005, quantity: 7)
        == [
          accepted(1, account: 2, clientOrderId: 1, .buy, price: 1_005, quantity: 7),
          balance(2, "USD", 0, 7_049),
        ])
  }

  @Test func sellHoldsItsBaseAndAMarketSellNeedsItToo() {
    var scenario = Scenario()
    scenario.fund(3, "BTC", 75)
    #expect(
      scenario.marketOrder(3, 1, .sell, quantity: 8) == [
        rejected(account: 3, clientOrderId: 1, .insufficientFunds)
      ])
    #expect(
      scenario.limit(3, 1, .sell, price: 1_000, quantity: 7, .postOnly)
        == [
          accepted(1, account: 3, clientOrderId: 1, .sell, price: 1_000, quantity: 7, .postOnly),
          balance(3, "BTC", 5, 70),
        ])
  }

  @Test func marketBuyHoldsItsWholeBudgetAndIsAcceptedAsIOCWithPriceZero() {
    var scenario = Scenario()
    scenario.fund(4, "USD", 500)
    #expect(
      scenario.marketOrder(4, 1, .buy, quantity: 1, budget: 501)
        == [rejected(account: 4, clientOrderId: 1, .insufficientFunds)])
    // No asks: accepted, then cancelled for lack of makers; the hold came and went, so no balance moved.
    #expect(
      scenario.marketOrder(4, 1, .buy, quantity: 3, budget: 500)
        == [
          accepted(1, account: 4, clientOrderId: 1, .buy, .market, price: 0, quantity: 3, .immediateOrCancel),
          canceled(1, account: 4, remaining: 3, .immediateOrCancel),
        ])
    var explicit = PlaceOrder(
      account: 4, clientOrderId: 2, market: btcUsd.market, side: .buy, type: .market, quantity: 1,
      quoteBudget: 5,
      timeInForce: .immediateOrCancel)
    #expect(
      scenario.apply(.placeOrder(explicit))
        == [
          accepted(2, account: 4, clientOrderId: 2, .buy, .market, price: 0, quantity: 1, .immediateOrCancel),
          canceled(2, account: 4, remaining: 1, .immediateOrCancel),
        ])
    explicit.clientOrderId = 3
    explicit.quoteBudget = 0
    #expect(
      scenario.apply(.placeOrder(explicit)) == [rejected(account: 4, clientOrderId: 3, .invalidQuantity)])
  }
}
