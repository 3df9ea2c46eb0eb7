import Testing
import TradelogCore

/// cancelOrder, reduceOrder, cancelAll: validation, events, holds, queue places.
@Suite struct EngineCancellationTests {
  typealias X = TestExchange

  static func exchange() -> TestExchange {
    var exchange = TestExchange()
    exchange.createMarket(makerFeeBps: 10, takerFeeBps: 20)
    exchange.createMarket("ETH-USD", base: "ETH", quote: "USD")
    for account in UInt64(1)...3 {
      exchange.fund(account, "USD", 100_000)
      exchange.fund(account, "BTC", 100)
      exchange.fund(account, "ETH", 100)
    }
    return exchange
  }

  @Test func cancelByOrderIdReturnsTheHold() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 1_000, quantity: 5)
    #expect(
      exchange.apply(.cancelOrder(CancelOrder(account: 1, orderId: 1))) == [
        X.canceled(1, account: 1, remaining: 5, .user),
        X.balance(1, "USD", available: 100_000, held: 0),
      ])
    #expect(exchange.engine.openOrders.isEmpty)
  }

  @Test func cancelByClientOrderId() {
    var exchange = Self.exchange()
    exchange.limit(1, 77, .sell, price: 1_000, quantity: 5)
    #expect(
      exchange.apply(.cancelOrder(CancelOrder(account: 1, clientOrderId: 77))) == [
        X.canceled(1, account: 1, remaining: 5, .user),
        X.balance(1, "BTC", available: 100, held: 0),
      ])
  }

  @Test func malformedCancels() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    for cancel in [
      CancelOrder(account: 1), CancelOrder(account: 1, orderId: 1, clientOrderId: 1),
      CancelOrder(account: 0, orderId: 1),
    ] {
      #expect(
        exchange.apply(.cancelOrder(cancel)) == [
          X.rejected(
            account: cancel.account, clientOrderId: cancel.clientOrderId, orderId: cancel.orderId,
            market: .empty, .malformed)
        ])
    }
  }

  @Test func anotherAccountsOrderOrAClosedOneIsUnknown() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    exchange.limit(1, 2, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel)
    let cases = [
      CancelOrder(account: 2, orderId: 1), CancelOrder(account: 2, clientOrderId: 1),
      CancelOrder(account: 1, orderId: 2), CancelOrder(account: 1, clientOrderId: 2),
      CancelOrder(account: 1, orderId: 99), CancelOrder(account: 99, orderId: 1),
    ]
    for cancel in cases {
      #expect(
        exchange.apply(.cancelOrder(cancel)) == [
          X.rejected(
            account: cancel.account, clientOrderId: cancel.clientOrderId, orderId: cancel.orderId,
            market: .empty, .unknownOrder)
        ])
    }
    #expect(exchange.engine.openOrders.map(\.orderId) == [1])
  }

  @Test func reduceKeepsTheQueuePlaceAndShrinksTheHold() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 1_000, quantity: 5)
    exchange.limit(2, 1, .buy, price: 1_000, quantity: 5)
    // Held 5,000 + 10 (20 bps); 2 lots need 2,000 + 4.
    #expect(
      exchange.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: 3))) == [
        X.reduced(1, account: 1, remaining: 2),
        X.balance(1, "USD", available: 100_000 - 2_004, held: 2_004),
      ])
    let events = exchange.limit(3, 1, .sell, price: 1_000, quantity: 1)
    #expect(
      events[1]
        == X.trade(
          1, price: 1_000, quantity: 1, maker: (1, 1), taker: (3, 3), takerSide: .sell, makerFee: 1,
          takerFee: 2))
    #expect(
      exchange.engine.book(market: X.market, depth: 1).bids == [
        BookLevel(price: 1_000, quantity: 6, orderCount: 2)
      ])
  }

  @Test func reduceResetsABuysHoldDroppingItsSavings() {
    var exchange = Self.exchange()
    exchange.limit(2, 1, .sell, price: 900, quantity: 1)
    exchange.limit(1, 1, .buy, price: 1_000, quantity: 5)
    // As taker it paid 900 + 1 (20 bps) of the 5,010 it held: it keeps 4,109, saving included.
    #expect(exchange.openOrder(2)?.held == 4_109)
    exchange.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 2, reduceBy: 1)))
    // 3 lots need 3,000 + 6.
    #expect(exchange.openOrder(2)?.held == 3_006)
    #expect(exchange.balance(1, "USD") == Balance(available: 100_000 - 901 - 3_006, held: 3_006))
  }

  @Test func reduceASellToItsBaseUnits() {
    var exchange = TestExchange()
    exchange.createMarket(lotSize: 10)
    exchange.fund(1, "BTC", 1_000)
    exchange.limit(1, 1, .sell, price: 5, quantity: 7)
    #expect(
      exchange.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: 5))) == [
        X.reduced(1, account: 1, remaining: 2),
        X.balance(1, "BTC", available: 980, held: 20),
      ])
  }

  @Test(arguments: [Int64(5), 6, .max])
  func reducingByAllOrMoreCancels(_ reduceBy: Int64) {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 10, quantity: 5)
    #expect(
      exchange.apply(.reduceOrder(ReduceOrder(account: 1, orderId: 1, reduceBy: reduceBy))) == [
        X.canceled(1, account: 1, remaining: 5, .user),
        X.balance(1, "BTC", available: 100, held: 0),
      ])
  }

  @Test func reduceValidationOrderAndTheMarketItReports() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .sell, price: 10, quantity: 5, market: "ETH-USD")
    let cases: [(ReduceOrder, Symbol, RejectReason)] = [
      (ReduceOrder(account: 0, orderId: 1, reduceBy: 0), .empty, .malformed),
      (ReduceOrder(account: 1, orderId: 0, reduceBy: 1), .empty, .malformed),
      (ReduceOrder(account: 2, orderId: 1, reduceBy: 0), .empty, .unknownOrder),
      (ReduceOrder(account: 1, orderId: 1, reduceBy: 0), X.name("ETH-USD"), .invalidQuantity),
      (ReduceOrder(account: 1, orderId: 1, reduceBy: -1), X.name("ETH-USD"), .invalidQuantity),
    ]
    for (reduce, market, reason) in cases {
      #expect(
        exchange.apply(.reduceOrder(reduce)) == [
          X.rejected(account: reduce.account, orderId: reduce.orderId, market: market, reason)
        ])
    }
  }

  @Test func cancelAllInAscendingOrderIdAcrossMarkets() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 10, quantity: 1, market: "ETH-USD")
    exchange.limit(1, 2, .sell, price: 20, quantity: 2)
    exchange.limit(2, 1, .sell, price: 20, quantity: 1)
    exchange.limit(1, 3, .buy, price: 10, quantity: 3)
    #expect(
      exchange.apply(.cancelAll(CancelAll(account: 1))) == [
        X.canceled(1, account: 1, remaining: 1, .cancelAll),
        X.canceled(2, account: 1, remaining: 2, .cancelAll),
        X.canceled(4, account: 1, remaining: 3, .cancelAll),
        X.balance(1, "BTC", available: 100, held: 0),
        X.balance(1, "USD", available: 100_000, held: 0),
      ])
    #expect(exchange.engine.openOrders.map(\.orderId) == [3])
  }

  @Test func cancelAllInOneMarket() {
    var exchange = Self.exchange()
    exchange.limit(1, 1, .buy, price: 10, quantity: 1, market: "ETH-USD")
    exchange.limit(1, 2, .sell, price: 20, quantity: 2)
    #expect(
      exchange.apply(.cancelAll(CancelAll(account: 1, market: X.name("ETH-USD")))) == [
        X.canceled(1, account: 1, remaining: 1, .cancelAll),
        X.balance(1, "USD", available: 100_000, held: 0),
      ])
  }

  @Test func cancelAllWithNothingToCancelHasNoEvents() {
    var exchange = Self.exchange()
    #expect(exchange.apply(.cancelAll(CancelAll(account: 1))).isEmpty)
    #expect(exchange.apply(.cancelAll(CancelAll(account: 55, market: X.market))).isEmpty)
  }

  @Test func cancelAllValidation() {
    var exchange = Self.exchange()
    #expect(
      exchange.apply(.cancelAll(CancelAll(account: 0))) == [
        X.rejected(account: 0, market: .empty, .malformed)
      ])
    let badName = X.name("eth")
    #expect(
      exchange.apply(.cancelAll(CancelAll(account: 1, market: badName))) == [
        X.rejected(account: 1, market: badName, .malformed)
      ])
    let unknown = X.name("XRP-USD")
    #expect(
      exchange.apply(.cancelAll(CancelAll(account: 1, market: unknown))) == [
        X.rejected(account: 1, market: unknown, .unknownMarket)
      ])
  }
}
