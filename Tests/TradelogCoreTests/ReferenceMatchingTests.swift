import Testing
import TradelogCore
import TradelogSimulation

/// Price-time priority, fees, holds and savings, and the time-in-force rules of LIMIT orders.
@Suite struct ReferenceMatchingTests {
  @Test func buyTakesAsksBestPriceFirstThenOldestAtMakerPrices() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 2)
    scenario.limit(1, 2, .sell, price: 10_000, quantity: 3)
    scenario.limit(1, 3, .sell, price: 9_995, quantity: 1)
    // Hold: 40,000 + 40,000 × 20 / 10000 = 40,080. Fills: 9,995 + 19 (19.99 rounded down),
    // 20,000 + 40, 10,000 + 20 = 40,074 paid; 6 of savings return when the order fills.
    #expect(
      scenario.limit(2, 1, .buy, price: 10_000, quantity: 4)
        == [
          accepted(4, account: 2, clientOrderId: 1, .buy, price: 10_000, quantity: 4),
          trade(1, price: 9_995, quantity: 1, maker: (3, 1), taker: (4, 2), .buy, fees: (9, 19)),
          filled(3, account: 1),
          trade(2, price: 10_000, quantity: 2, maker: (1, 1), taker: (4, 2), .buy, fees: (20, 40)),
          filled(1, account: 1),
          trade(3, price: 10_000, quantity: 1, maker: (2, 1), taker: (4, 2), .buy, fees: (10, 20)),
          filled(4, account: 2),
          balance(0, "USD", 118, 0),
          balance(1, "BTC", 940, 20),
          balance(1, "USD", 9_986 + 19_980 + 9_990, 0),
          balance(2, "BTC", 40, 0),
          balance(2, "USD", 1_000_000 - 40_074, 0),
        ])
    #expect(
      scenario.exchange.openOrders
        == [
          OpenOrder(
            orderId: 2, account: 1, clientOrderId: 2, market: btcUsd.market, side: .sell, price: 10_000,
            remaining: 2,
            held: 20)
        ])
  }

  @Test func restingBuyKeepsItsSavingsUntilItEnds() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "USD", 1_000_000)
    #expect(
      scenario.limit(2, 1, .buy, price: 10_000, quantity: 3)
        == [
          accepted(1, account: 2, clientOrderId: 1, .buy, price: 10_000, quantity: 3),
          balance(2, "USD", 969_940, 30_060),
        ])
    // The seller takes at the bid's price; the buyer, as maker, pays the 10 bps maker fee out of a hold
    // taken at 20 bps, and keeps the 10 of difference held.
    #expect(
      scenario.limit(1, 1, .sell, price: 9_000, quantity: 1)
        == [
          accepted(2, account: 1, clientOrderId: 1, .sell, price: 9_000, quantity: 1),
          trade(1, price: 10_000, quantity: 1, maker: (1, 2), taker: (2, 1), .sell, fees: (10, 20)),
          filled(2, account: 1),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 990, 0),
          balance(1, "USD", 9_980, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 969_940, 20_050),
        ])
    #expect(scenario.exchange.openOrders.map(\.held) == [20_050])
    #expect(
      scenario.apply(.cancelOrder(CancelOrder(account: 2, orderId: 1)))
        == [canceled(1, account: 2, remaining: 2, .user), balance(2, "USD", 989_990, 0)])
  }

  @Test func feeThatRoundsToZeroLeavesTheFeeAccountUntouched() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 10)
    scenario.fund(2, "USD", 100)
    scenario.limit(1, 1, .sell, price: 45, quantity: 1)
    // 45 × 10 / 10000 and 45 × 20 / 10000 are both below one unit.
    #expect(
      scenario.limit(2, 1, .buy, price: 45, quantity: 1)
        == [
          accepted(2, account: 2, clientOrderId: 1, .buy, price: 45, quantity: 1),
          trade(1, price: 45, quantity: 1, maker: (1, 1), taker: (2, 2), .buy, fees: (0, 0)),
          filled(1, account: 1),
          filled(2, account: 2),
          balance(1, "BTC", 0, 0),
          balance(1, "USD", 45, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 55, 0),
        ])
    #expect(!scenario.exchange.balances.contains { $0.account == 0 })
  }

  @Test func immediateOrCancelCancelsItsRemainderLast() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    #expect(
      scenario.limit(2, 1, .buy, price: 10_000, quantity: 3, .immediateOrCancel)
        == [
          accepted(2, account: 2, clientOrderId: 1, .buy, price: 10_000, quantity: 3, .immediateOrCancel),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (2, 2), .buy, fees: (10, 20)),
          filled(1, account: 1),
          canceled(2, account: 2, remaining: 2, .immediateOrCancel),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 990, 0),
          balance(1, "USD", 9_990, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 989_980, 0),
        ])
    #expect(scenario.exchange.openOrders.isEmpty)
  }

  @Test func goodTillCanceledRestsItsRemainderWithWhatIsLeftOfItsHold() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    #expect(
      scenario.limit(2, 1, .buy, price: 10_000, quantity: 3, .goodTillCanceled)
        == [
          accepted(2, account: 2, clientOrderId: 1, .buy, price: 10_000, quantity: 3),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (2, 2), .buy, fees: (10, 20)),
          filled(1, account: 1),
          balance(0, "USD", 30, 0),
          balance(1, "BTC", 990, 0),
          balance(1, "USD", 9_990, 0),
          balance(2, "BTC", 10, 0),
          balance(2, "USD", 969_940, 20_040),
        ])
    #expect(
      scenario.exchange.book(market: btcUsd.market, depth: 5).bids == [
        BookLevel(price: 10_000, quantity: 2, orderCount: 1)
      ])
  }

  @Test func limitOrderStopsAtItsPrice() {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(1, 1, .buy, price: 100, quantity: 1)
    scenario.limit(1, 2, .buy, price: 90, quantity: 1)
    #expect(
      withoutBalances(scenario.limit(2, 1, .sell, price: 95, quantity: 2))
        == [
          accepted(3, account: 2, clientOrderId: 1, .sell, price: 95, quantity: 2),
          trade(1, price: 100, quantity: 1, maker: (1, 1), taker: (3, 2), .sell, fees: (0, 0)),
          filled(1, account: 1),
        ])
    let book = scenario.exchange.book(market: btcUsd.market, depth: 5)
    #expect(book.bids == [BookLevel(price: 90, quantity: 1, orderCount: 1)])
    #expect(book.asks == [BookLevel(price: 95, quantity: 1, orderCount: 1)])
  }

  @Test func postOnlyIsRejectedWhenItWouldTakeWhoeverOwnsTheMakerAndRestsOtherwise() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(1, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    #expect(
      scenario.limit(1, 2, .buy, price: 10_000, quantity: 1, .postOnly)
        == [rejected(account: 1, clientOrderId: 2, .wouldTake)])
    #expect(
      scenario.limit(1, 2, .buy, price: 9_995, quantity: 1, .postOnly)
        == [
          accepted(2, account: 1, clientOrderId: 2, .buy, price: 9_995, quantity: 1, .postOnly),
          balance(1, "USD", 1_000_000 - 10_014, 10_014),
        ])
    #expect(
      scenario.limit(1, 3, .sell, price: 9_995, quantity: 1, .postOnly)
        == [rejected(account: 1, clientOrderId: 3, .wouldTake)])
    #expect(
      withoutBalances(scenario.limit(1, 3, .sell, price: 10_000, quantity: 1, .postOnly))
        == [accepted(3, account: 1, clientOrderId: 3, .sell, price: 10_000, quantity: 1, .postOnly)])
  }

  @Test func fillOrKillFillsCompletelyOrIsRejectedWithoutAnId() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "USD", 1_000_000)
    scenario.limit(1, 1, .sell, price: 10_000, quantity: 1)
    scenario.limit(1, 2, .sell, price: 10_005, quantity: 2)
    #expect(
      scenario.limit(2, 1, .buy, price: 10_000, quantity: 2, .fillOrKill)
        == [rejected(account: 2, clientOrderId: 1, .fillOrKillUnfillable)])
    // Hold: 30,015 + 60 (60.03); paid 10,020 + 20,050; 5 of savings return.
    #expect(
      scenario.limit(2, 1, .buy, price: 10_005, quantity: 3, .fillOrKill)
        == [
          accepted(3, account: 2, clientOrderId: 1, .buy, price: 10_005, quantity: 3, .fillOrKill),
          trade(1, price: 10_000, quantity: 1, maker: (1, 1), taker: (3, 2), .buy, fees: (10, 20)),
          filled(1, account: 1),
          trade(2, price: 10_005, quantity: 2, maker: (2, 1), taker: (3, 2), .buy, fees: (20, 40)),
          filled(2, account: 1),
          filled(3, account: 2),
          balance(0, "USD", 90, 0),
          balance(1, "BTC", 970, 0),
          balance(1, "USD", 9_990 + 19_990, 0),
          balance(2, "BTC", 30, 0),
          balance(2, "USD", 1_000_000 - 30_070, 0),
        ])
  }

  @Test func makerIsReportedFilledBeforeTheTaker() {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(2, "BTC", 1_000)
    scenario.limit(1, 1, .buy, price: 500, quantity: 4)
    #expect(
      withoutBalances(scenario.limit(2, 1, .sell, price: 500, quantity: 4))
        == [
          accepted(2, account: 2, clientOrderId: 1, .sell, price: 500, quantity: 4),
          trade(1, price: 500, quantity: 4, maker: (1, 1), taker: (2, 2), .sell, fees: (2, 4)),
          filled(1, account: 1),
          filled(2, account: 2),
        ])
  }

  /// Balance changes are sorted by account as a number (2 before 10), then by asset bytes ("AB", a
  /// prefix, before "ABC").
  @Test func balanceChangesAreSortedByAccountThenAssetBytes() {
    let market = CreateMarket(
      market: symbol("ABC-AB"), base: symbol("ABC"), quote: symbol("AB"), lotSize: 1, tickSize: 1,
      minQuantity: 1,
      makerFeeBps: 1_000, takerFeeBps: 1_000)
    var scenario = Scenario(markets: [market])
    scenario.fund(10, "ABC", 5)
    scenario.fund(2, "AB", 1_000)
    scenario.limit(10, 1, .sell, price: 100, quantity: 5, market: market)
    // The buy holds 500 + 50 (1000 bps); each side pays 50 of fee.
    #expect(
      scenario.limit(2, 1, .buy, price: 100, quantity: 5, market: market)
        == [
          accepted(2, account: 2, clientOrderId: 1, .buy, price: 100, quantity: 5, market: market.market),
          trade(
            1, price: 100, quantity: 5, maker: (1, 10), taker: (2, 2), .buy, fees: (50, 50),
            market: market.market),
          filled(1, account: 10),
          filled(2, account: 2),
          balance(0, "AB", 100, 0),
          balance(2, "AB", 450, 0),
          balance(2, "ABC", 5, 0),
          balance(10, "AB", 450, 0),
          balance(10, "ABC", 0, 0),
        ])
  }
}
