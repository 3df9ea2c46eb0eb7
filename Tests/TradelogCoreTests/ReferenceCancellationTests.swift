import Testing
import TradelogCore
import TradelogSimulation

/// cancelOrder, reduceOrder and cancelAll.
@Suite struct ReferenceCancellationTests {
  static let ethUsd = CreateMarket(
    market: symbol("ETH-USD"), base: symbol("ETH"), quote: symbol("USD"), lotSize: 1, tickSize: 1,
    minQuantity: 1,
    makerFeeBps: 0, takerFeeBps: 0)

  /// Account 1 has 1,000,000 USD and rests a buy of 3 lots at 10,000 (orderId 1, clientOrderId 7),
  /// which holds 30,060.
  static func restingBuy() -> Scenario {
    var scenario = Scenario(markets: [btcUsd, ethUsd])
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(1, 7, .buy, price: 10_000, quantity: 3)
    return scenario
  }

  @Test(arguments: [CancelOrder(account: 1, orderId: 1), CancelOrder(account: 1, clientOrderId: 7)])
  func cancelByEitherIdReturnsTheHold(cancel: CancelOrder) {
    var scenario = Self.restingBuy()
    #expect(
      scenario.apply(.cancelOrder(cancel))
        == [canceled(1, account: 1, remaining: 3, .user), balance(1, "USD", 1_000_000, 0)])
    #expect(
      scenario.apply(.cancelOrder(cancel)) == [
        rejected(
          account: 1, clientOrderId: cancel.clientOrderId, orderId: cancel.orderId, market: .empty,
          .unknownOrder)
      ])
  }

  static let badCancels: [(CancelOrder, RejectReason)] = [
    (CancelOrder(account: 0, orderId: 1), .malformed),
    (CancelOrder(account: 1), .malformed),
    (CancelOrder(account: 1, orderId: 1, clientOrderId: 7), .malformed),
    (CancelOrder(account: 2, orderId: 1), .unknownOrder),
    (CancelOrder(account: 2, clientOrderId: 7), .unknownOrder),
    (CancelOrder(account: 1, orderId: 2), .unknownOrder),
    (CancelOrder(account: 1, clientOrderId: 8), .unknownOrder),
  ]

  @Test(arguments: badCancels)
  func badCancelIsRejectedNamingTheOrderAsTheCommandDid(cancel: CancelOrder, reason: RejectReason) {
    var scenario = Self.restingBuy()
    #expect(
      scenario.apply(.cancelOrder(cancel))
        == [
          rejected(
            account: cancel.account, clientOrderId: cancel.clientOrderId, orderId: cancel.orderId,
            market: .empty, reason)
        ])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [1])
  }

  @Test func filledOrderCannotBeCanceled() {
    var scenario = Self.restingBuy()
    scenario.limit(2, 1, .sell, price: 10_000, quantity: 3)
    #expect(
      scenario.apply(.cancelOrder(CancelOrder(account: 1, orderId: 1)))
        == [rejected(account: 1, orderId: 1, market: .empty, .unknownOrder)])
  }

  @Test func reduceSetsABuyHoldToWhatTheRemainderNeedsReturningItsSavings() {
    var scenario = Self.restingBuy()
    // The seller takes 1 lot; the bid pays 10,010 (maker fee 10) and keeps 20,050 held for 2 lots.
    scenario.limit(2, 1, .sell, price: 9_000, quantity: 1)
    #expect(scenario.exchange.openOrders.map(\.held) == [20_050])
    // 1 lot needs 10,000 + 20: the other 10,030 return.
    #expect(
      scenario.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: 1)))
        == [reduced(1, account: 1, remaining: 1), balance(1, "USD", 1_000_000 - 30_060 + 10_030, 10_020)])
    #expect(scenario.exchange.openOrders.map(\.held) == [10_020])
  }

  @Test func reduceSetsASellHoldToItsRemainingLots() {
    var scenario = Self.restingBuy()
    scenario.limit(2, 1, .sell, price: 10_005, quantity: 5)
    #expect(
      scenario.apply(.reduceOrder(ReduceOrder(account: 2, orderId: 2, reduceBy: 4)))
        == [reduced(2, account: 2, remaining: 1), balance(2, "BTC", 990, 10)])
  }

  @Test func reducedOrderKeepsItsPlaceInTheQueue() {
    var scenario = Self.restingBuy()
    scenario.fund(3, "USD", 1_000_000)
    scenario.limit(3, 1, .buy, price: 10_000, quantity: 1)
    scenario.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: 2)))
    #expect(
      withoutBalances(scenario.limit(2, 1, .sell, price: 10_000, quantity: 1))
        == [
          accepted(3, account: 2, clientOrderId: 1, .sell, price: 10_000, quantity: 1),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (3, 2), .sell, fees: (10, 20)),
          filled(1, account: 1),
          filled(3, account: 2),
        ])
  }

  @Test(arguments: [Int64(3), 4, 1_000])
  func reduceByTheWholeRemainderOrMoreCancelsTheOrder(reduceBy: Int64) {
    var scenario = Self.restingBuy()
    #expect(
      scenario.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: reduceBy)))
        == [canceled(1, account: 1, remaining: 3, .user), balance(1, "USD", 1_000_000, 0)])
    #expect(scenario.exchange.openOrders.isEmpty)
  }

  static let badReduces: [(ReduceOrder, Symbol, RejectReason)] = [
    (ReduceOrder(account: 0, orderId: 1, reduceBy: 1), .empty, .malformed),
    (ReduceOrder(account: 1, orderId: 0, reduceBy: 1), .empty, .malformed),
    (ReduceOrder(account: 2, orderId: 1, reduceBy: 0), .empty, .unknownOrder),
    (ReduceOrder(account: 1, orderId: 9, reduceBy: 1), .empty, .unknownOrder),
    (ReduceOrder(account: 1, orderId: 1, reduceBy: 0), btcUsd.market, .invalidQuantity),
    (ReduceOrder(account: 1, orderId: 1, reduceBy: -2), btcUsd.market, .invalidQuantity),
  ]

  @Test(arguments: badReduces)
  func badReduceCarriesTheOrdersMarketOnlyWhenTheOrderIsKnown(
    reduce: ReduceOrder, market: Symbol, reason: RejectReason
  ) {
    var scenario = Self.restingBuy()
    #expect(
      scenario.apply(.reduceOrder(reduce))
        == [rejected(account: reduce.account, orderId: reduce.orderId, market: market, reason)])
    #expect(scenario.exchange.openOrders.map(\.remaining) == [3])
  }

  @Test func cancelAllCancelsTheAccountsOrdersInAMarketOrEveryMarketByAscendingId() {
    var scenario = Self.restingBuy()
    scenario.limit(1, 8, .buy, price: 50, quantity: 2, market: Self.ethUsd)
    scenario.limit(1, 9, .buy, price: 5, quantity: 1)
    scenario.fund(2, "USD", 1_000)
    scenario.limit(2, 2, .buy, price: 5, quantity: 1)
    #expect(
      scenario.apply(.cancelAll(CancelAll(account: 1, market: btcUsd.market)))
        == [
          canceled(1, account: 1, remaining: 3, .cancelAll),
          canceled(3, account: 1, remaining: 1, .cancelAll),
          balance(1, "USD", 1_000_000 - 100, 100),
        ])
    scenario.limit(1, 10, .buy, price: 10, quantity: 1)
    #expect(
      scenario.apply(.cancelAll(CancelAll(account: 1)))
        == [
          canceled(2, account: 1, remaining: 2, .cancelAll),
          canceled(5, account: 1, remaining: 1, .cancelAll),
          balance(1, "USD", 1_000_000, 0),
        ])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [4])
    #expect(scenario.apply(.cancelAll(CancelAll(account: 1))) == [])
    #expect(scenario.apply(.cancelAll(CancelAll(account: 1, market: Self.ethUsd.market))) == [])
  }

  static let badCancelAlls: [(CancelAll, RejectReason)] = [
    (CancelAll(account: 0), .malformed),
    (CancelAll(account: 0, market: symbol("NOPE")), .malformed),
    (CancelAll(account: 1, market: symbol("btc-usd")), .malformed),
    (CancelAll(account: 1, market: .unreadable), .malformed),
    (CancelAll(account: 1, market: symbol("ETH-EUR")), .unknownMarket),
  ]

  @Test(arguments: badCancelAlls)
  func badCancelAllIsRejectedWithTheMarketAsNamed(cancel: CancelAll, reason: RejectReason) {
    var scenario = Self.restingBuy()
    #expect(
      scenario.apply(.cancelAll(cancel)) == [rejected(account: cancel.account, market: cancel.market, reason)]
    )
    #expect(scenario.exchange.openOrders.map(\.orderId) == [1])
  }
}
