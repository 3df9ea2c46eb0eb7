import Testing
import TradelogCore

/// createMarket: MALFORMED → MARKET_EXISTS, rejected as `commandRejected` with the parameters given.
@Suite struct EngineMarketsTests {
  typealias X = TestExchange

  @Test func createsAMarketAndItsAssets() {
    var exchange = TestExchange()
    let command = X.createMarketCommand(
      lotSize: 100, tickSize: 5, minQuantity: 2, makerFeeBps: 10, takerFeeBps: 20)
    let events = exchange.apply(command)
    guard case .createMarket(let parameters) = command else { return }
    #expect(events == [.marketCreated(parameters)])
    #expect(exchange.engine.markets == [parameters])
    #expect(exchange.engine.assetTotals.map(\.asset) == [X.base, X.quote])
    // The fee account appears in `balances` only once it holds something.
    #expect(exchange.engine.balances.isEmpty)
  }

  static let malformed: [Command] = [
    X.createMarketCommand("btc-usd"),
    X.createMarketCommand(""),
    X.createMarketCommand("BTC_USD"),
    X.createMarketCommand("ABCDEFGHIJKLMNOPQRSTUVWXY"),
    X.createMarketCommand(base: "BTC-1"),
    X.createMarketCommand(base: "ABCDEFGHIJKLM"),
    X.createMarketCommand(quote: ""),
    X.createMarketCommand(quote: "?"),
    X.createMarketCommand(base: "USD", quote: "USD"),
    X.createMarketCommand(lotSize: 0),
    X.createMarketCommand(tickSize: -1),
    X.createMarketCommand(minQuantity: 0),
    X.createMarketCommand(makerFeeBps: -1),
    X.createMarketCommand(takerFeeBps: 1_001),
  ]

  @Test(arguments: malformed.indices)
  func rejectsMalformedParameters(_ index: Int) {
    var exchange = TestExchange()
    let command = Self.malformed[index]
    guard case .createMarket(let parameters) = command else { return }
    #expect(
      exchange.apply(command) == [
        .commandRejected(CommandRejected(reason: .malformed, createMarket: parameters))
      ])
    #expect(exchange.engine.markets.isEmpty)
    #expect(exchange.engine.assetTotals.isEmpty)
  }

  @Test func acceptsTheLongestNamesAndExtremeFees() {
    var exchange = TestExchange()
    exchange.createMarket(
      "ABCDEFGHIJKLMNOPQRSTUVW-", base: "ABCDEFGHIJK0", quote: "9", makerFeeBps: 0, takerFeeBps: 1_000)
  }

  @Test func rejectsAnExistingMarketEvenWithOtherParameters() {
    var exchange = TestExchange()
    exchange.createMarket()
    let again = X.createMarketCommand(base: "ETH", quote: "EUR", lotSize: 3)
    guard case .createMarket(let parameters) = again else { return }
    #expect(
      exchange.apply(again) == [
        .commandRejected(CommandRejected(reason: .marketExists, createMarket: parameters))
      ])
    #expect(exchange.engine.assetTotals.map(\.asset) == [X.base, X.quote])
  }

  @Test func malformedComesBeforeMarketExists() {
    var exchange = TestExchange()
    exchange.createMarket()
    let bad = X.createMarketCommand(lotSize: 0)
    guard case .createMarket(let parameters) = bad else { return }
    #expect(
      exchange.apply(bad) == [.commandRejected(CommandRejected(reason: .malformed, createMarket: parameters))]
    )
  }

  @Test func assetsAreSharedBetweenMarkets() {
    var exchange = TestExchange()
    exchange.createMarket()
    exchange.createMarket("ETH-BTC", base: "ETH", quote: "BTC")
    #expect(exchange.engine.assetTotals.map(\.asset) == [X.base, X.name("ETH"), X.quote])
    #expect(exchange.engine.markets.map(\.market) == [X.market, X.name("ETH-BTC")])
  }
}
