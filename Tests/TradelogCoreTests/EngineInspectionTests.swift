import Testing
import TradelogCore

/// ExchangeInspection: sorted, complete views of markets, balances, open orders, books and totals.
@Suite struct EngineInspectionTests {
  typealias X = TestExchange

  @Test func viewsAreSortedAndComplete() {
    var exchange = TestExchange()
    exchange.createMarket("ETH-USD", base: "ETH", quote: "USD")
    exchange.createMarket()
    exchange.fund(9, "USD", 1_000)
    exchange.fund(2, "BTC", 10)
    exchange.fund(2, "ETH", 4)
    exchange.limit(2, 5, .sell, price: 101, quantity: 2)
    exchange.limit(2, 6, .sell, price: 100, quantity: 1)
    exchange.limit(2, 7, .sell, price: 100, quantity: 3)
    exchange.limit(9, 1, .buy, price: 90, quantity: 1)
    exchange.limit(2, 8, .sell, price: 50, quantity: 1, market: "ETH-USD")
    let engine = exchange.engine
    #expect(engine.markets.map(\.market) == [X.market, X.name("ETH-USD")])
    #expect(engine.assetTotals.map(\.asset) == [X.base, X.name("ETH"), X.quote])
    #expect(engine.assetTotals.map(\.total) == [10, 4, 1_000])
    // Balances that never held anything (account 2's USD, account 9's BTC, created for what their
    // orders may receive) are not listed.
    #expect(
      engine.balances == [
        AccountBalance(account: 2, asset: X.base, balance: Balance(available: 4, held: 6)),
        AccountBalance(account: 2, asset: X.name("ETH"), balance: Balance(available: 3, held: 1)),
        AccountBalance(account: 9, asset: X.quote, balance: Balance(available: 910, held: 90)),
      ])
    #expect(
      engine.openOrders == [
        OpenOrder(
          orderId: 1, account: 2, clientOrderId: 5, market: X.market, side: .sell, price: 101, remaining: 2,
          held: 2),
        OpenOrder(
          orderId: 2, account: 2, clientOrderId: 6, market: X.market, side: .sell, price: 100, remaining: 1,
          held: 1),
        OpenOrder(
          orderId: 3, account: 2, clientOrderId: 7, market: X.market, side: .sell, price: 100, remaining: 3,
          held: 3),
        OpenOrder(
          orderId: 4, account: 9, clientOrderId: 1, market: X.market, side: .buy, price: 90, remaining: 1,
          held: 90),
        OpenOrder(
          orderId: 5, account: 2, clientOrderId: 8, market: X.name("ETH-USD"), side: .sell, price: 50,
          remaining: 1, held: 1),
      ])
    #expect(
      engine.book(market: X.market, depth: 5)
        == BookDepth(
          market: X.market, bids: [BookLevel(price: 90, quantity: 1, orderCount: 1)],
          asks: [
            BookLevel(price: 100, quantity: 4, orderCount: 2),
            BookLevel(price: 101, quantity: 2, orderCount: 1),
          ]))
    #expect(
      engine.book(market: X.market, depth: 1).asks == [BookLevel(price: 100, quantity: 4, orderCount: 2)])
    #expect(
      engine.book(market: X.name("XRP-USD"), depth: 5)
        == BookDepth(market: X.name("XRP-USD"), bids: [], asks: []))
    #expect(engine.statistics.openOrders == 5)
    #expect(engine.statistics.accounts == 2)
  }

  @Test func aRestingOrderFitsInTheBudgetOfBytes() {
    // The slot of a resting order; its index entries are reported by `statistics` at run time.
    var exchange = TestExchange()
    exchange.createMarket()
    #expect(exchange.engine.statistics.restingOrderStride <= 80)
  }
}
