import Testing
import TradelogCore

/// Matching: price-time priority, fills at the maker's price, time in force, self-trade prevention,
/// MARKET BUY budgets, fees, holds, and the order of events in a batch.
@Suite struct EngineMatchingTests {
  typealias X = TestExchange

  /// Accounts 1…4 with plenty of both assets.
  static func exchange(makerFeeBps: Int32 = 0, takerFeeBps: Int32 = 0) -> TestExchange {
    var exchange = TestExchange()
    exchange.createMarket(makerFeeBps: makerFeeBps, takerFeeBps: takerFeeBps)
    for account in UInt64(1)...4 {
      exchange.fund(account, "USD", 10_000)
      exchange.fund(account, "BTC", 100)
    }
    return exchange
  }

  @Test func bestPriceFirstThenOldestFirstAtTheMakersPrice() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 101, quantity: 2)
    exchange.limit(2, 1, .sell, price: 101, quantity: 2)
    exchange.limit(3, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(4, 1, .buy, price: 101, quantity: 6) == [
        X.accepted(4, account: 4, clientOrderId: 1, .buy, price: 101, quantity: 6),
        X.trade(1, price: 100, quantity: 2, maker: (3, 3), taker: (4, 4), takerSide: .buy),
        X.filled(3, account: 3),
        X.trade(2, price: 101, quantity: 2, maker: (1, 1), taker: (4, 4), takerSide: .buy),
        X.filled(1, account: 1),
        X.trade(3, price: 101, quantity: 2, maker: (2, 2), taker: (4, 4), takerSide: .buy),
        X.filled(2, account: 2),
        X.filled(4, account: 4),
        X.balance(1, "BTC", available: 98, held: 0),
        X.balance(1, "USD", available: 10_202, held: 0),
        X.balance(2, "BTC", available: 98, held: 0),
        X.balance(2, "USD", available: 10_202, held: 0),
        X.balance(3, "BTC", available: 98, held: 0),
        X.balance(3, "USD", available: 10_200, held: 0),
        // Held 606, paid 604: the saving of 2 returns when the order completes.
        X.balance(4, "BTC", available: 106, held: 0),
        X.balance(4, "USD", available: 9_396, held: 0),
      ])
    #expect(exchange.engine.openOrders.isEmpty)
  }

  @Test func aSellTakesTheHighestBidsFirst() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 99, quantity: 1)
    exchange.limit(2, 1, .buy, price: 100, quantity: 1)
    #expect(
      exchange.limit(3, 1, .sell, price: 99, quantity: 2) == [
        X.accepted(3, account: 3, clientOrderId: 1, .sell, price: 99, quantity: 2),
        X.trade(1, price: 100, quantity: 1, maker: (2, 2), taker: (3, 3), takerSide: .sell),
        X.filled(2, account: 2),
        X.trade(2, price: 99, quantity: 1, maker: (1, 1), taker: (3, 3), takerSide: .sell),
        X.filled(1, account: 1),
        X.filled(3, account: 3),
        X.balance(1, "BTC", available: 101, held: 0),
        X.balance(1, "USD", available: 9_901, held: 0),
        X.balance(2, "BTC", available: 101, held: 0),
        X.balance(2, "USD", available: 9_900, held: 0),
        X.balance(3, "BTC", available: 98, held: 0),
        X.balance(3, "USD", available: 10_199, held: 0),
      ])
  }

  @Test func aLimitStopsAtItsPriceAndTheRemainderRests() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    exchange.limit(1, 2, .sell, price: 102, quantity: 2)
    #expect(
      exchange.limit(2, 1, .buy, price: 101, quantity: 5) == [
        X.accepted(3, account: 2, clientOrderId: 1, .buy, price: 101, quantity: 5),
        X.trade(1, price: 100, quantity: 2, maker: (1, 1), taker: (3, 2), takerSide: .buy),
        X.filled(1, account: 1),
        X.balance(1, "BTC", available: 96, held: 2),
        X.balance(1, "USD", available: 10_200, held: 0),
        X.balance(2, "BTC", available: 102, held: 0),
        // Held 505, paid 200: keeps 305 (303 for the 3 left at 101, plus the saving of 2).
        X.balance(2, "USD", available: 9_495, held: 305),
      ])
    #expect(exchange.openOrder(3)?.remaining == 3)
    #expect(exchange.openOrder(3)?.held == 305)
  }

  @Test func immediateOrCancelCancelsItsRemainderLast() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(2, 1, .buy, price: 100, quantity: 5, timeInForce: .immediateOrCancel) == [
        X.accepted(
          2, account: 2, clientOrderId: 1, .buy, price: 100, quantity: 5, timeInForce: .immediateOrCancel),
        X.trade(1, price: 100, quantity: 2, maker: (1, 1), taker: (2, 2), takerSide: .buy),
        X.filled(1, account: 1),
        X.canceled(2, account: 2, remaining: 3, .immediateOrCancel),
        X.balance(1, "BTC", available: 98, held: 0),
        X.balance(1, "USD", available: 10_200, held: 0),
        X.balance(2, "BTC", available: 102, held: 0),
        X.balance(2, "USD", available: 9_800, held: 0),
      ])
  }

  @Test func aMarketSellTakesAnyPriceAndIsCancelledWhenMakersRunOut() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 3, quantity: 1)
    #expect(
      exchange.apply(X.marketOrder(2, 1, .sell, quantity: 4)) == [
        X.accepted(
          2, account: 2, clientOrderId: 1, .sell, price: 0, quantity: 4, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(1, price: 3, quantity: 1, maker: (1, 1), taker: (2, 2), takerSide: .sell),
        X.filled(1, account: 1),
        X.canceled(2, account: 2, remaining: 3, .immediateOrCancel),
        X.balance(1, "BTC", available: 101, held: 0),
        X.balance(1, "USD", available: 9_997, held: 0),
        X.balance(2, "BTC", available: 99, held: 0),
        X.balance(2, "USD", available: 10_003, held: 0),
      ])
  }

  @Test func tradeAndOrderIdsAreGlobalAcrossMarkets() {
    var exchange = Self.exchange()
    exchange.createMarket("ETH-USD", base: "ETH", quote: "USD")
    exchange.fund(1, "ETH", 10)
    exchange.limit(1, 1, .sell, price: 5, quantity: 1, market: "ETH-USD")
    exchange.limit(1, 2, .sell, price: 5, quantity: 1)
    let events = exchange.limit(2, 1, .buy, price: 5, quantity: 1, market: "ETH-USD")
    #expect(
      events[1]
        == X.trade(1, price: 5, quantity: 1, maker: (1, 1), taker: (3, 2), takerSide: .buy, market: "ETH-USD")
    )
    let second = exchange.limit(2, 2, .buy, price: 5, quantity: 1)
    #expect(second[1] == X.trade(2, price: 5, quantity: 1, maker: (2, 1), taker: (4, 2), takerSide: .buy))
  }

  // MARK: Fees

  @Test func feesRoundDownAndGoToTheFeeAccount() {
    var exchange = Self.exchange(makerFeeBps: 10, takerFeeBps: 20)
    exchange.fund(3, "USD", 20_000)
    exchange.limit(1, 1, .sell, price: 12_345, quantity: 1)
    // Notional 12,345: maker fee ⌊12.345⌋ = 12, taker fee ⌊24.69⌋ = 24; the buyer held 12,345 + 24.
    #expect(
      exchange.limit(3, 1, .buy, price: 12_345, quantity: 1) == [
        X.accepted(2, account: 3, clientOrderId: 1, .buy, price: 12_345, quantity: 1),
        X.trade(
          1, price: 12_345, quantity: 1, maker: (1, 1), taker: (2, 3), takerSide: .buy, makerFee: 12,
          takerFee: 24),
        X.filled(1, account: 1),
        X.filled(2, account: 3),
        X.balance(0, "USD", available: 36, held: 0),
        X.balance(1, "BTC", available: 99, held: 0),
        X.balance(1, "USD", available: 10_000 + 12_345 - 12, held: 0),
        X.balance(3, "BTC", available: 101, held: 0),
        X.balance(3, "USD", available: 30_000 - 12_345 - 24, held: 0),
      ])
  }

  @Test func aBuyingMakerPaysTheMakerFee() {
    var exchange = Self.exchange(makerFeeBps: 10, takerFeeBps: 20)
    exchange.limit(1, 1, .buy, price: 1_000, quantity: 5)
    // Held 5,000 + 10 (at 20 bps, the higher rate); pays 5,000 + 5 as maker and keeps the rest until
    // it ends.
    #expect(
      exchange.limit(2, 1, .sell, price: 1_000, quantity: 5) == [
        X.accepted(2, account: 2, clientOrderId: 1, .sell, price: 1_000, quantity: 5),
        X.trade(
          1, price: 1_000, quantity: 5, maker: (1, 1), taker: (2, 2), takerSide: .sell, makerFee: 5,
          takerFee: 10),
        X.filled(1, account: 1),
        X.filled(2, account: 2),
        X.balance(0, "USD", available: 15, held: 0),
        X.balance(1, "BTC", available: 105, held: 0),
        X.balance(1, "USD", available: 10_000 - 5_005, held: 0),
        X.balance(2, "BTC", available: 95, held: 0),
        X.balance(2, "USD", available: 10_000 + 5_000 - 10, held: 0),
      ])
  }

  @Test func feesAreExactAtTheLimitsOfInt64() {
    var exchange = TestExchange()
    exchange.createMarket(makerFeeBps: 999, takerFeeBps: 1_000)
    let price: Int64 = 838_488_366_986_797_800
    exchange.fund(1, "BTC", 10)
    exchange.fund(2, "USD", 9_223_372_036_854_775_800)
    exchange.limit(1, 1, .sell, price: price, quantity: 10)
    #expect(
      exchange.limit(2, 1, .buy, price: price, quantity: 10) == [
        X.accepted(2, account: 2, clientOrderId: 1, .buy, price: price, quantity: 10),
        X.trade(
          1, price: price, quantity: 10, maker: (1, 1), taker: (2, 2), takerSide: .buy,
          makerFee: 837_649_878_619_811_002, takerFee: 838_488_366_986_797_800),
        X.filled(1, account: 1),
        X.filled(2, account: 2),
        X.balance(0, "USD", available: 1_676_138_245_606_608_802, held: 0),
        X.balance(1, "BTC", available: 0, held: 0),
        X.balance(1, "USD", available: 7_547_233_791_248_166_998, held: 0),
        X.balance(2, "BTC", available: 10, held: 0),
        X.balance(2, "USD", available: 0, held: 0),
      ])
  }

  @Test func noFeesNoFeeAccountChange() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 1)
    let events = exchange.limit(2, 1, .buy, price: 100, quantity: 1)
    #expect(
      !events.contains { if case .balanceChanged(let change) = $0 { change.account == 0 } else { false } })
    #expect(!exchange.engine.balances.contains { $0.account == 0 })
  }

  // MARK: Holds

  @Test func aRestingBuyKeepsItsSavingsUntilItEnds() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 90, quantity: 2)
    exchange.limit(2, 1, .buy, price: 100, quantity: 5)
    // Paid 180 of its 500: holds 320 for 3 lots that need 300.
    #expect(exchange.openOrder(2)?.held == 320)
    #expect(exchange.balance(2, "USD") == Balance(available: 9_500, held: 320))
    #expect(
      exchange.limit(3, 1, .sell, price: 95, quantity: 3) == [
        X.accepted(3, account: 3, clientOrderId: 1, .sell, price: 95, quantity: 3),
        X.trade(2, price: 100, quantity: 3, maker: (2, 2), taker: (3, 3), takerSide: .sell),
        X.filled(2, account: 2),
        X.filled(3, account: 3),
        X.balance(2, "BTC", available: 105, held: 0),
        X.balance(2, "USD", available: 9_520, held: 0),
        X.balance(3, "BTC", available: 97, held: 0),
        X.balance(3, "USD", available: 10_300, held: 0),
      ])
  }

  // MARK: Time in force

  @Test func fillOrKillFillsCompletelyAcrossMakers() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    exchange.limit(2, 1, .sell, price: 101, quantity: 2)
    #expect(
      exchange.limit(3, 1, .buy, price: 101, quantity: 3, timeInForce: .fillOrKill)
        == [
          X.accepted(
            3, account: 3, clientOrderId: 1, .buy, price: 101, quantity: 3, timeInForce: .fillOrKill),
          X.trade(1, price: 100, quantity: 2, maker: (1, 1), taker: (3, 3), takerSide: .buy),
          X.filled(1, account: 1),
          X.trade(2, price: 101, quantity: 1, maker: (2, 2), taker: (3, 3), takerSide: .buy),
          X.filled(3, account: 3),
          X.balance(1, "BTC", available: 98, held: 0),
          X.balance(1, "USD", available: 10_200, held: 0),
          X.balance(2, "USD", available: 10_101, held: 0),
          X.balance(2, "BTC", available: 98, held: 1),
          X.balance(3, "BTC", available: 103, held: 0),
          X.balance(3, "USD", available: 9_699, held: 0),
        ].sortedLikeTheEngine())
  }

  @Test func fillOrKillCountsOnlyPricesWithinItsLimit() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    exchange.limit(2, 1, .sell, price: 102, quantity: 2)
    #expect(
      exchange.limit(3, 1, .buy, price: 101, quantity: 3, timeInForce: .fillOrKill) == [
        X.rejected(account: 3, clientOrderId: 1, .fillOrKillUnfillable)
      ])
    #expect(exchange.engine.openOrders.map(\.remaining) == [2, 2])
  }

  /// Account 1's own ask first, then account 2's, both at 100, 2 lots each.
  static func ownMakerFirst() -> TestExchange {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    exchange.limit(2, 1, .sell, price: 100, quantity: 2)
    return exchange
  }

  @Test func fillOrKillWithAllowCountsItsOwnMakers() {
    var exchange = Self.ownMakerFirst()
    let events = exchange.limit(
      1, 2, .buy, price: 100, quantity: 4, timeInForce: .fillOrKill, selfTrade: .allow)
    #expect(
      Array(events.prefix(6)) == [
        X.accepted(3, account: 1, clientOrderId: 2, .buy, price: 100, quantity: 4, timeInForce: .fillOrKill),
        X.trade(1, price: 100, quantity: 2, maker: (1, 1), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 1),
        X.trade(2, price: 100, quantity: 2, maker: (2, 2), taker: (3, 1), takerSide: .buy),
        X.filled(2, account: 2),
        X.filled(3, account: 1),
      ])
  }

  @Test func fillOrKillWithCancelMakerSkipsItsOwnMakers() {
    var exchange = Self.ownMakerFirst()
    #expect(
      exchange.limit(1, 2, .buy, price: 100, quantity: 3, timeInForce: .fillOrKill, selfTrade: .cancelMaker)
        == [
          X.rejected(account: 1, clientOrderId: 2, .fillOrKillUnfillable)
        ])
    // Rejected: nothing else happened, the own maker is still there.
    #expect(exchange.engine.openOrders.map(\.orderId) == [1, 2])
    let events = exchange.limit(
      1, 3, .buy, price: 100, quantity: 2, timeInForce: .fillOrKill, selfTrade: .cancelMaker)
    #expect(
      Array(events.prefix(5)) == [
        X.accepted(3, account: 1, clientOrderId: 3, .buy, price: 100, quantity: 2, timeInForce: .fillOrKill),
        X.canceled(1, account: 1, remaining: 2, .selfTrade),
        X.trade(1, price: 100, quantity: 2, maker: (2, 2), taker: (3, 1), takerSide: .buy),
        X.filled(2, account: 2),
        X.filled(3, account: 1),
      ])
  }

  @Test(arguments: [SelfTradePrevention.cancelTaker, .cancelBoth, .unspecified])
  func fillOrKillWithCancelTakerOrBothStopsCountingAtTheFirstOwnMaker(_ mode: SelfTradePrevention) {
    var exchange = Self.ownMakerFirst()
    #expect(
      exchange.limit(1, 2, .buy, price: 100, quantity: 1, timeInForce: .fillOrKill, selfTrade: mode) == [
        X.rejected(account: 1, clientOrderId: 2, .fillOrKillUnfillable)
      ])
    // Foreign liquidity before the own maker counts.
    var foreignFirst = Self.exchange()
    foreignFirst.limit(2, 1, .sell, price: 100, quantity: 2)
    foreignFirst.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      foreignFirst.limit(1, 2, .buy, price: 100, quantity: 3, timeInForce: .fillOrKill, selfTrade: mode) == [
        X.rejected(account: 1, clientOrderId: 2, .fillOrKillUnfillable)
      ])
    let events = foreignFirst.limit(
      1, 3, .buy, price: 100, quantity: 2, timeInForce: .fillOrKill, selfTrade: mode)
    #expect(
      events.prefix(4).elementsEqual([
        X.accepted(3, account: 1, clientOrderId: 3, .buy, price: 100, quantity: 2, timeInForce: .fillOrKill),
        X.trade(1, price: 100, quantity: 2, maker: (1, 2), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 2),
        X.filled(3, account: 1),
      ]))
    #expect(foreignFirst.engine.openOrders.map(\.orderId) == [2])
  }

  @Test func postOnlyRestsOrIsRejectedWhenItWouldTakeWhoeverOwnsTheMaker() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(2, 1, .buy, price: 99, quantity: 1, timeInForce: .postOnly) == [
        X.accepted(2, account: 2, clientOrderId: 1, .buy, price: 99, quantity: 1, timeInForce: .postOnly),
        X.balance(2, "USD", available: 9_901, held: 99),
      ])
    #expect(
      exchange.limit(2, 2, .buy, price: 100, quantity: 1, timeInForce: .postOnly) == [
        X.rejected(account: 2, clientOrderId: 2, .wouldTake)
      ])
    #expect(
      exchange.limit(1, 2, .buy, price: 101, quantity: 1, timeInForce: .postOnly) == [
        X.rejected(account: 1, clientOrderId: 2, .wouldTake)
      ])
    #expect(
      exchange.limit(3, 1, .sell, price: 99, quantity: 1, timeInForce: .postOnly) == [
        X.rejected(account: 3, clientOrderId: 1, .wouldTake)
      ])
    #expect(
      exchange.limit(3, 2, .sell, price: 100, quantity: 1, timeInForce: .postOnly).first
        == X.accepted(3, account: 3, clientOrderId: 2, .sell, price: 100, quantity: 1, timeInForce: .postOnly)
    )
  }

  // MARK: Self-trade prevention

  @Test func cancelTakerIsTheDefaultAndItsRemainderDoesNotRest() {
    var exchange = Self.exchange()
    exchange.limit(2, 1, .sell, price: 99, quantity: 1)
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(1, 2, .buy, price: 100, quantity: 5) == [
        X.accepted(3, account: 1, clientOrderId: 2, .buy, price: 100, quantity: 5),
        X.trade(1, price: 99, quantity: 1, maker: (1, 2), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 2),
        X.canceled(3, account: 1, remaining: 4, .selfTrade),
        X.balance(1, "BTC", available: 99, held: 2),
        X.balance(1, "USD", available: 9_901, held: 0),
        X.balance(2, "BTC", available: 99, held: 0),
        X.balance(2, "USD", available: 10_099, held: 0),
      ])
    #expect(exchange.engine.openOrders.map(\.orderId) == [2])
  }

  @Test func cancelTakerEndsAnImmediateOrderWithSelfTrade() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(
        1, 2, .buy, price: 100, quantity: 1, timeInForce: .immediateOrCancel, selfTrade: .cancelTaker) == [
          X.accepted(
            2, account: 1, clientOrderId: 2, .buy, price: 100, quantity: 1, timeInForce: .immediateOrCancel),
          X.canceled(2, account: 1, remaining: 1, .selfTrade),
        ])
  }

  @Test func cancelMakerCancelsEachOwnMakerBeforeTheNextTrade() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    exchange.limit(2, 1, .sell, price: 100, quantity: 3)
    exchange.limit(1, 2, .sell, price: 101, quantity: 1)
    #expect(
      exchange.limit(1, 3, .buy, price: 101, quantity: 5, selfTrade: .cancelMaker) == [
        X.accepted(4, account: 1, clientOrderId: 3, .buy, price: 101, quantity: 5),
        X.canceled(1, account: 1, remaining: 2, .selfTrade),
        X.trade(1, price: 100, quantity: 3, maker: (2, 2), taker: (4, 1), takerSide: .buy),
        X.filled(2, account: 2),
        X.canceled(3, account: 1, remaining: 1, .selfTrade),
        // The remaining 2 lots rest at 101: hold 505 − 300 paid = 205, of which 202 needed.
        X.balance(1, "BTC", available: 103, held: 0),
        X.balance(1, "USD", available: 9_495, held: 205),
        X.balance(2, "BTC", available: 97, held: 0),
        X.balance(2, "USD", available: 10_300, held: 0),
      ])
    #expect(exchange.openOrder(4)?.remaining == 2)
  }

  @Test func cancelBothCancelsTheMakerThenTheTaker() {
    var exchange = Self.ownMakerFirst()
    #expect(
      exchange.limit(1, 2, .buy, price: 100, quantity: 4, selfTrade: .cancelBoth) == [
        X.accepted(3, account: 1, clientOrderId: 2, .buy, price: 100, quantity: 4),
        X.canceled(1, account: 1, remaining: 2, .selfTrade),
        X.canceled(3, account: 1, remaining: 4, .selfTrade),
        X.balance(1, "BTC", available: 100, held: 0),
      ])
    #expect(exchange.engine.openOrders.map(\.orderId) == [2])
  }

  @Test func allowTradesWithItself() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 2)
    #expect(
      exchange.limit(1, 2, .buy, price: 100, quantity: 2, selfTrade: .allow) == [
        X.accepted(2, account: 1, clientOrderId: 2, .buy, price: 100, quantity: 2),
        X.trade(1, price: 100, quantity: 2, maker: (1, 1), taker: (2, 1), takerSide: .buy),
        X.filled(1, account: 1),
        X.filled(2, account: 1),
        X.balance(1, "BTC", available: 100, held: 0),
      ])
  }

  @Test func selfTradeIsCheckedBeforeTheBudget() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 100, quantity: 1)
    #expect(
      exchange.apply(X.marketOrder(1, 2, .buy, quantity: 1, quoteBudget: 50)) == [
        X.accepted(
          2, account: 1, clientOrderId: 2, .buy, price: 0, quantity: 1, type: .market,
          timeInForce: .immediateOrCancel),
        X.canceled(2, account: 1, remaining: 1, .selfTrade),
      ])
  }

  // MARK: MARKET BUY budgets

  @Test func aMarketBuyTakesWhatItsBudgetPaysForThenStops() {
    var exchange = Self.exchange()
    exchange.limit(2, 1, .sell, price: 100, quantity: 2)
    exchange.limit(3, 1, .sell, price: 110, quantity: 2)
    // 2 lots at 100 cost 200, leaving 150: one lot at 110, and the budget ends the order.
    #expect(
      exchange.apply(X.marketOrder(1, 1, .buy, quantity: 10, quoteBudget: 350)) == [
        X.accepted(
          3, account: 1, clientOrderId: 1, .buy, price: 0, quantity: 10, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(1, price: 100, quantity: 2, maker: (1, 2), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 2),
        X.trade(2, price: 110, quantity: 1, maker: (2, 3), taker: (3, 1), takerSide: .buy),
        X.canceled(3, account: 1, remaining: 7, .budget),
        X.balance(1, "BTC", available: 103, held: 0),
        X.balance(1, "USD", available: 9_690, held: 0),
        X.balance(2, "BTC", available: 98, held: 0),
        X.balance(2, "USD", available: 10_200, held: 0),
        X.balance(3, "BTC", available: 98, held: 1),
        X.balance(3, "USD", available: 10_110, held: 0),
      ])
  }

  @Test func aMarketBuyThatCannotPayForOneLotIsCancelledForBudget() {
    var exchange = Self.exchange()
    exchange.limit(2, 1, .sell, price: 100, quantity: 1)
    exchange.limit(3, 1, .sell, price: 200, quantity: 5)
    #expect(
      exchange.apply(X.marketOrder(1, 1, .buy, quantity: 3, quoteBudget: 250)) == [
        X.accepted(
          3, account: 1, clientOrderId: 1, .buy, price: 0, quantity: 3, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(1, price: 100, quantity: 1, maker: (1, 2), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 2),
        X.canceled(3, account: 1, remaining: 2, .budget),
        X.balance(1, "BTC", available: 101, held: 0),
        X.balance(1, "USD", available: 9_900, held: 0),
        X.balance(2, "BTC", available: 99, held: 0),
        X.balance(2, "USD", available: 10_100, held: 0),
      ])
  }

  @Test func aMarketBuyStopsAtItsQuantityOrWhenMakersRunOut() {
    var exchange = Self.exchange()
    exchange.limit(2, 1, .sell, price: 100, quantity: 5)
    let filled = exchange.apply(X.marketOrder(1, 1, .buy, quantity: 3, quoteBudget: 5_000))
    #expect(
      filled.prefix(3).elementsEqual([
        X.accepted(
          2, account: 1, clientOrderId: 1, .buy, price: 0, quantity: 3, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(1, price: 100, quantity: 3, maker: (1, 2), taker: (2, 1), takerSide: .buy),
        X.filled(2, account: 1),
      ]))
    #expect(exchange.balance(1, "USD") == Balance(available: 9_700, held: 0))
    let ranOut = exchange.apply(X.marketOrder(1, 2, .buy, quantity: 3, quoteBudget: 5_000))
    #expect(
      ranOut.prefix(4).elementsEqual([
        X.accepted(
          3, account: 1, clientOrderId: 2, .buy, price: 0, quantity: 3, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(2, price: 100, quantity: 2, maker: (1, 2), taker: (3, 1), takerSide: .buy),
        X.filled(1, account: 2),
        X.canceled(3, account: 1, remaining: 1, .immediateOrCancel),
      ]))
  }

  @Test func theBudgetPaysTheTakerFee() {
    var exchange = Self.exchange(takerFeeBps: 1_000)
    exchange.limit(2, 1, .sell, price: 100, quantity: 5)
    // Each lot costs 100 + 10: a budget of 329 pays for 2 (220), not 3 (330).
    let events = exchange.apply(X.marketOrder(1, 1, .buy, quantity: 5, quoteBudget: 329))
    #expect(
      events[1]
        == X.trade(1, price: 100, quantity: 2, maker: (1, 2), taker: (2, 1), takerSide: .buy, takerFee: 20))
    #expect(events[2] == X.canceled(2, account: 1, remaining: 3, .budget))
  }

  /// docs/exchange-rules.md: each step takes what the budget left pays for, at the same maker again
  /// if it still has lots. Fee rounding makes two lots dearer than two single lots here (fee(5) = 0
  /// but fee(10) = 1 at 10 %): a budget of 10 buys one lot, then another, then ends with BUDGET.
  @Test func aMarketBuySpendsItsBudgetLotByLotWhenFeeRoundingAllows() {
    var exchange = Self.exchange(takerFeeBps: 1_000)
    exchange.limit(2, 1, .sell, price: 5, quantity: 3)
    let events = exchange.apply(X.marketOrder(1, 1, .buy, quantity: 3, quoteBudget: 10))
    #expect(
      events.prefix(4).elementsEqual([
        X.accepted(
          2, account: 1, clientOrderId: 1, .buy, price: 0, quantity: 3, type: .market,
          timeInForce: .immediateOrCancel),
        X.trade(1, price: 5, quantity: 1, maker: (1, 2), taker: (2, 1), takerSide: .buy),
        X.trade(2, price: 5, quantity: 1, maker: (1, 2), taker: (2, 1), takerSide: .buy),
        X.canceled(2, account: 1, remaining: 1, .budget),
      ]))
  }

  // MARK: Balance changes

  @Test func balanceChangesAreSortedByAccountNumberThenAssetBytes() {
    var exchange = TestExchange()
    // Asset names chosen so that byte order differs from length and case-free intuition:
    // "A1" < "AB" < "B" (digits sort before letters).
    exchange.createMarket("M", base: "AB", quote: "B")
    exchange.createMarket("N", base: "A1", quote: "B")
    exchange.fund(10, "AB", 5)
    exchange.fund(9, "B", 500)
    exchange.fund(10, "A1", 5)
    exchange.limit(10, 1, .sell, price: 10, quantity: 5, market: "M")
    let events = exchange.limit(9, 1, .buy, price: 10, quantity: 5, market: "M")
    let changes = events.compactMap { event -> BalanceChanged? in
      if case .balanceChanged(let change) = event { change } else { nil }
    }
    #expect(changes.map { "\($0.account) \($0.asset)" } == ["9 AB", "9 B", "10 AB", "10 B"])
  }
}

extension [Event] {
  /// Sorts the trailing balance changes the way the engine must (account, then asset bytes), for
  /// expectations written in a readable order.
  func sortedLikeTheEngine() -> [Event] {
    let split = firstIndex { if case .balanceChanged = $0 { true } else { false } } ?? count
    let changes = self[split...].compactMap { event -> BalanceChanged? in
      if case .balanceChanged(let change) = event { change } else { nil }
    }
    return Array(self[..<split])
      + changes.sorted { ($0.account, $0.asset) < ($1.account, $1.asset) }.map { .balanceChanged($0) }
  }
}
