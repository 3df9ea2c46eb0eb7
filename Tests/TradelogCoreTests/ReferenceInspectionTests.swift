import Testing
import TradelogCore
import TradelogSimulation

/// The ExchangeInspection view of the reference model: contents and documented orders.
@Suite struct ReferenceInspectionTests {
  static let ethBtc = CreateMarket(
    market: symbol("ETH-BTC"), base: symbol("ETH"), quote: symbol("BTC"), lotSize: 1, tickSize: 1,
    minQuantity: 1,
    makerFeeBps: 0, takerFeeBps: 0)

  @Test func marketsAndAssetTotalsAreListedByNameIncludingAssetsWithNothingDeposited() {
    var scenario = Scenario(markets: [btcUsd, Self.ethBtc])
    scenario.fund(3, "USD", 70)
    scenario.apply(.withdraw(Transfer(account: 3, asset: symbol("USD"), amount: 20, transferId: 1)))
    #expect(scenario.exchange.markets == [btcUsd, Self.ethBtc])
    #expect(scenario.exchange.assetTotals.map(\.asset) == [symbol("BTC"), symbol("ETH"), symbol("USD")])
    #expect(scenario.exchange.assetTotals.map(\.total) == [0, 0, 50])
  }

  @Test func balancesListEveryPairThatWasEverNonZeroByAccountThenAsset() {
    var scenario = Scenario(markets: [btcUsd, Self.ethBtc])
    scenario.fund(12, "USD", 5)
    scenario.fund(3, "ETH", 1)
    scenario.fund(3, "BTC", 2)
    scenario.apply(.withdraw(Transfer(account: 12, asset: symbol("USD"), amount: 5, transferId: 1)))
    #expect(
      scenario.exchange.balances
        == [
          AccountBalance(account: 3, asset: symbol("BTC"), balance: Balance(available: 2, held: 0)),
          AccountBalance(account: 3, asset: symbol("ETH"), balance: Balance(available: 1, held: 0)),
          AccountBalance(account: 12, asset: symbol("USD"), balance: .zero),
        ])
  }

  @Test func openOrdersAndBookDepthAggregateByPrice() {
    var scenario = Scenario(markets: [btcUsd, Self.ethBtc])
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "ETH", 10)
    scenario.limit(1, 1, .buy, price: 100, quantity: 2)
    scenario.limit(2, 1, .sell, price: 7, quantity: 3, market: Self.ethBtc)
    scenario.limit(1, 2, .buy, price: 100, quantity: 1)
    scenario.limit(1, 3, .buy, price: 105, quantity: 4)
    scenario.limit(1, 4, .sell, price: 200, quantity: 5)
    scenario.limit(1, 5, .buy, price: 90, quantity: 1)
    #expect(scenario.exchange.openOrders.map(\.orderId) == [1, 2, 3, 4, 5, 6])
    #expect(
      scenario.exchange.openOrders[1]
        == OpenOrder(
          orderId: 2, account: 2, clientOrderId: 1, market: Self.ethBtc.market, side: .sell, price: 7,
          remaining: 3,
          held: 3))
    #expect(
      scenario.exchange.book(market: btcUsd.market, depth: 2)
        == BookDepth(
          market: btcUsd.market,
          bids: [
            BookLevel(price: 105, quantity: 4, orderCount: 1),
            BookLevel(price: 100, quantity: 3, orderCount: 2),
          ],
          asks: [BookLevel(price: 200, quantity: 5, orderCount: 1)]))
    #expect(
      scenario.exchange.book(market: btcUsd.market, depth: 0)
        == BookDepth(market: btcUsd.market, bids: [], asks: []))
    #expect(
      scenario.exchange.book(market: symbol("NOPE"), depth: 5)
        == BookDepth(market: symbol("NOPE"), bids: [], asks: []))
  }
}
