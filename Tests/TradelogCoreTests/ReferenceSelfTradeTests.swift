import Testing
import TradelogCore
import TradelogSimulation

/// The four self-trade modes, for takers that would rest, IOC takers and FOK counting.
@Suite struct ReferenceSelfTradeTests {
  /// Account 1's ask (orderId 1) ahead of account 2's (orderId 2), both 1 lot at 10,000; account 1
  /// also has 1,000,000 USD to buy with.
  static func ownMakerFirst() -> Scenario {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    scenario.limit(2, 1, .sell, price: 10_000, quantity: 1)
    return scenario
  }

  @Test(arguments: [SelfTradePrevention.cancelTaker, .unspecified])
  func cancelTakerCancelsTheRemainderInsteadOfRestingIt(mode: SelfTradePrevention) {
    var scenario = Self.ownMakerFirst()
    // The hold was taken and returned within the command: no balance changed.
    #expect(
      scenario.limit(1, 3, .buy, price: 10_000, quantity: 2, selfTrade: mode)
        == [
          accepted(3, account: 1, clientOrderId: 3, .buy, price: 10_000, quantity: 2),
          canceled(3, account: 1, remaining: 2, .selfTrade),
        ])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [1, 2])
  }

  @Test func cancelMakerCancelsOwnMakersAndGoesOn() {
    var scenario = Self.ownMakerFirst()
    #expect(
      scenario.limit(1, 3, .buy, price: 10_000, quantity: 2, selfTrade: .cancelMaker)
        == [
          accepted(3, account: 1, clientOrderId: 3, .buy, price: 10_000, quantity: 2),
          canceled(1, account: 1, remaining: 1, .selfTrade),
          trade(1, price: 10_000, quantity: 1, maker: (2, 2), taker: (3, 1), .buy, fees: (10, 20)),
          filled(2, account: 2),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 1_010, 0),
          balance(1, "USD", 1_000_000 - 20_040, 20_040 - 10_020),
          balance(2, "BTC", 990, 0),
          balance(2, "USD", 9_990, 0),
        ])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [3])
  }

  @Test func cancelBothCancelsTheMakerThenTheTaker() {
    var scenario = Self.ownMakerFirst()
    #expect(
      scenario.limit(1, 3, .buy, price: 10_000, quantity: 2, selfTrade: .cancelBoth)
        == [
          accepted(3, account: 1, clientOrderId: 3, .buy, price: 10_000, quantity: 2),
          canceled(1, account: 1, remaining: 1, .selfTrade),
          canceled(3, account: 1, remaining: 2, .selfTrade),
          balance(1, "BTC", 1_000, 0),
        ])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [2])
  }

  @Test func allowTradesWithOwnMakers() {
    var scenario = Self.ownMakerFirst()
    #expect(
      scenario.limit(1, 3, .buy, price: 10_000, quantity: 2, selfTrade: .allow)
        == [
          accepted(3, account: 1, clientOrderId: 3, .buy, price: 10_000, quantity: 2),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (3, 1), .buy, fees: (10, 20)),
          filled(1, account: 1),
          trade(2, price: 10_000, quantity: 1, maker: (2, 2), taker: (3, 1), .buy, fees: (10, 20)),
          filled(2, account: 2),
          filled(3, account: 1),
          balance(0, "USD", 60, 0),
          balance(1, "BTC", 1_010, 0),
          balance(1, "USD", 1_000_000 - 20_040 + 9_990, 0),
          balance(2, "BTC", 990, 0),
          balance(2, "USD", 9_990, 0),
        ])
  }

  @Test func immediateOrCancelStoppedByItsOwnMakerIsCanceledForSelfTrade() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(2, 1, .sell, price: 10_000, quantity: 1)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    #expect(
      withoutBalances(scenario.limit(1, 2, .buy, price: 10_000, quantity: 2, .immediateOrCancel))
        == [
          accepted(3, account: 1, clientOrderId: 2, .buy, price: 10_000, quantity: 2, .immediateOrCancel),
          trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (3, 1), .buy, fees: (10, 20)),
          filled(1, account: 2),
          canceled(3, account: 1, remaining: 1, .selfTrade),
        ])
  }

  @Test func ownOrderBeyondTheLimitPriceIsNoSelfTrade() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_005, quantity: 1)
    #expect(
      withoutBalances(scenario.limit(1, 2, .buy, price: 10_000, quantity: 1, selfTrade: .cancelBoth))
        == [accepted(2, account: 1, clientOrderId: 2, .buy, price: 10_000, quantity: 1)])
    #expect(scenario.exchange.openOrders.map(\.orderId) == [1, 2])
  }

  /// Asks of 1 lot at 10,000: account 2 (orderId 1), account 1 (2), account 2 (3). Account 1's FOK buy
  /// counts 3 lots with ALLOW, 2 with CANCEL_MAKER (it skips its own), 1 with CANCEL_TAKER and
  /// CANCEL_BOTH (they stop at the first of its own).
  static let fillOrKillCounts: [(SelfTradePrevention, Int64, [Event])] = [
    (
      .allow, 3,
      [
        trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(1, account: 2),
        trade(2, price: 10_000, quantity: 1, maker: (2, 1), taker: (4, 1), .buy, fees: (10, 20)),
        filled(2, account: 1),
        trade(3, price: 10_000, quantity: 1, maker: (3, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(3, account: 2),
        filled(4, account: 1),
      ]
    ),
    (
      .cancelMaker, 2,
      [
        trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(1, account: 2),
        canceled(2, account: 1, remaining: 1, .selfTrade),
        trade(2, price: 10_000, quantity: 1, maker: (3, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(3, account: 2),
        filled(4, account: 1),
      ]
    ),
    (
      .cancelTaker, 1,
      [
        trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(1, account: 2),
        filled(4, account: 1),
      ]
    ),
    (
      .cancelBoth, 1,
      [
        trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (4, 1), .buy, fees: (10, 20)),
        filled(1, account: 2),
        filled(4, account: 1),
      ]
    ),
  ]

  @Test(arguments: fillOrKillCounts)
  func fillOrKillCountsOnlyWhatItsModeCouldTrade(
    mode: SelfTradePrevention, fillable: Int64, expected: [Event]
  ) {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(2, 1, .sell, price: 10_000, quantity: 1)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    scenario.limit(2, 2, .sell, price: 10_000, quantity: 1)
    let openOrders = scenario.exchange.openOrders
    // One lot more than it could trade: rejected, and no maker is cancelled.
    #expect(
      scenario.limit(1, 2, .buy, price: 10_000, quantity: fillable + 1, .fillOrKill, selfTrade: mode)
        == [rejected(account: 1, clientOrderId: 2, .fillOrKillUnfillable)])
    #expect(scenario.exchange.openOrders == openOrders)
    let batch = scenario.limit(1, 2, .buy, price: 10_000, quantity: fillable, .fillOrKill, selfTrade: mode)
    #expect(
      withoutBalances(batch)
        == [accepted(4, account: 1, clientOrderId: 2, .buy, price: 10_000, quantity: fillable, .fillOrKill)]
        + expected)
  }
}
