import Testing
import TradelogCore
import TradelogSimulation

/// MARKET orders: a buy's budget (fees included), IOC remainders, and self-trade before budget.
@Suite struct ReferenceMarketOrderTests {
  /// Account 1 asks 2 lots at 10,000 (orderId 1) and 2 at 10,005 (orderId 2); account 2 has
  /// 1,000,000 USD. At the 20 bps taker fee one lot costs 10,020 at 10,000 and 10,025 at 10,005.
  static func twoAsks() -> Scenario {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 2)
    scenario.limit(1, 2, .sell, price: 10_005, quantity: 2)
    return scenario
  }

  static func marketBuyAccepted(quantity: Int64) -> Event {
    accepted(3, account: 2, clientOrderId: 1, .buy, .market, price: 0, quantity: quantity, .immediateOrCancel)
  }

  @Test func budgetEndsTheOrderWhenTheNextMakerCostsTooMuch() {
    var scenario = Self.twoAsks()
    #expect(
      scenario.marketOrder(2, 1, .buy, quantity: 10, budget: 25_000)
        == [
          Self.marketBuyAccepted(quantity: 10),
          trade(1, price: 10_000, quantity: 2, maker: (1, 1), taker: (3, 2), .buy, fees: (20, 40)),
          filled(1, account: 1),
          canceled(3, account: 2, remaining: 8, .budget),
          balance(0, "USD", 60, 0),
          balance(1, "BTC", 960, 20),
          balance(1, "USD", 1_000_000 + 19_980, 0),
          balance(2, "BTC", 20, 0),
          balance(2, "USD", 1_000_000 - 20_040, 0),
        ])
  }

  @Test func budgetCanStopPartWayThroughAMaker() {
    var scenario = Self.twoAsks()
    #expect(
      scenario.marketOrder(2, 1, .buy, quantity: 10, budget: 15_000)
        == [
          Self.marketBuyAccepted(quantity: 10),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (3, 2), .buy, fees: (10, 20)),
          canceled(3, account: 2, remaining: 9, .budget),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 960, 30),
          balance(1, "USD", 1_000_000 + 9_990, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 1_000_000 - 10_020, 0),
        ])
    #expect(scenario.exchange.openOrders.map(\.remaining) == [1, 2])
  }

  /// 2 lots for 20,040, then one more at 10,005 for 10,025 (fee 20.01 rounded down): a budget of
  /// exactly 30,065 fills 3 lots, one unit less does not.
  @Test(arguments: [(Int64(30_065), true), (30_064, false)])
  func budgetCountsTheTakerFeeRoundedDown(budget: Int64, fills: Bool) {
    var scenario = Self.twoAsks()
    let batch = scenario.marketOrder(2, 1, .buy, quantity: 3, budget: budget)
    let firstTrade = [
      Self.marketBuyAccepted(quantity: 3),
      trade(1, price: 10_000, quantity: 2, maker: (1, 1), taker: (3, 2), .buy, fees: (20, 40)),
      filled(1, account: 1),
    ]
    if fills {
      #expect(
        withoutBalances(batch)
          == firstTrade + [
            trade(2, price: 10_005, quantity: 1, maker: (2, 1), taker: (3, 2), .buy, fees: (10, 20)),
            filled(3, account: 2),
          ])
      #expect(batch.last == balance(2, "USD", 1_000_000 - 30_065, 0))
    } else {
      #expect(withoutBalances(batch) == firstTrade + [canceled(3, account: 2, remaining: 1, .budget)])
      #expect(batch.last == balance(2, "USD", 1_000_000 - 20_040, 0))
    }
  }

  @Test func budgetTooSmallForOneLotCancelsEverythingWithNoBalanceChange() {
    var scenario = Self.twoAsks()
    #expect(
      scenario.marketOrder(2, 1, .buy, quantity: 10, budget: 100)
        == [Self.marketBuyAccepted(quantity: 10), canceled(3, account: 2, remaining: 10, .budget)])
  }

  @Test func marketBuyThatRunsOutOfMakersIsCanceledAsIOC() {
    var scenario = Self.twoAsks()
    #expect(
      withoutBalances(scenario.marketOrder(2, 1, .buy, quantity: 10, budget: 1_000_000))
        == [
          Self.marketBuyAccepted(quantity: 10),
          trade(1, price: 10_000, quantity: 2, maker: (1, 1), taker: (3, 2), .buy, fees: (20, 40)),
          filled(1, account: 1),
          trade(2, price: 10_005, quantity: 2, maker: (2, 1), taker: (3, 2), .buy, fees: (20, 40)),
          filled(2, account: 1),
          canceled(3, account: 2, remaining: 6, .immediateOrCancel),
        ])
  }

  @Test func marketBuyStopsAtItsQuantityAndReturnsTheRestOfItsBudget() {
    var scenario = Self.twoAsks()
    #expect(
      scenario.marketOrder(2, 1, .buy, quantity: 1, budget: 500_000)
        == [
          Self.marketBuyAccepted(quantity: 1),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (3, 2), .buy, fees: (10, 20)),
          filled(3, account: 2),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 960, 30),
          balance(1, "USD", 1_000_000 + 9_990, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 1_000_000 - 10_020, 0),
        ])
  }

  @Test func selfTradeIsCheckedBeforeTheBudget() {
    var scenario = Self.twoAsks()
    #expect(
      scenario.marketOrder(1, 3, .buy, quantity: 10, budget: 100)
        == [
          accepted(
            3, account: 1, clientOrderId: 3, .buy, .market, price: 0, quantity: 10, .immediateOrCancel),
          canceled(3, account: 1, remaining: 10, .selfTrade),
        ])
    #expect(
      scenario.marketOrder(1, 4, .buy, quantity: 10, budget: 100, selfTrade: .cancelMaker)
        == [
          accepted(
            4, account: 1, clientOrderId: 4, .buy, .market, price: 0, quantity: 10, .immediateOrCancel),
          canceled(1, account: 1, remaining: 2, .selfTrade),
          canceled(2, account: 1, remaining: 2, .selfTrade),
          canceled(4, account: 1, remaining: 10, .immediateOrCancel),
          balance(1, "BTC", 1_000, 0),
        ])
  }

  @Test func marketSellTakesBidsAndCancelsItsRemainderAsIOC() {
    var scenario = Scenario()
    scenario.fund(2, "USD", 1_000_000)
    scenario.fund(3, "BTC", 100)
    scenario.limit(2, 1, .buy, price: 10_000, quantity: 1)
    // The bid, as maker, pays 10,000 + 10 out of its 10,020 hold; the other 10 return as it fills.
    #expect(
      scenario.marketOrder(3, 1, .sell, quantity: 3)
        == [
          accepted(
            2, account: 3, clientOrderId: 1, .sell, .market, price: 0, quantity: 3, .immediateOrCancel),
          trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (2, 3), .sell, fees: (10, 20)),
          filled(1, account: 2),
          canceled(2, account: 3, remaining: 2, .immediateOrCancel),
          balance(0, "USD", 30, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 1_000_000 - 10_010, 0),
          balance(3, "BTC", 90, 0),
          balance(3, "USD", 9_980, 0),
        ])
  }
}
