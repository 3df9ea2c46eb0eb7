import Testing
import TradelogCore
import TradelogSimulation

// Builders shared by the reference model's scenario suites: a market whose fees round (maker 10 bps,
// taker 20 bps, so a LIMIT BUY holds at 20 bps), and one event builder per event kind, so that each
// scenario spells out its whole expected batch.

func symbol(_ text: String) -> Symbol {
  Symbol(text)!
}

/// BTC-USD: 10 BTC units per lot, prices in steps of 5 USD units, fees of 10 bps (maker), 20 (taker).
let btcUsd = CreateMarket(
  market: symbol("BTC-USD"), base: symbol("BTC"), quote: symbol("USD"), lotSize: 10, tickSize: 5,
  minQuantity: 1,
  makerFeeBps: 10, takerFeeBps: 20)

/// A reference exchange with markets created, and shorthands for the commands scenarios use.
struct Scenario {
  var exchange = ReferenceExchange()
  private var nextTransferId: UInt64 = 1_000

  init(markets: [CreateMarket] = [btcUsd]) {
    for market in markets {
      precondition(exchange.apply(.createMarket(market)) == [.marketCreated(market)])
    }
  }

  @discardableResult
  mutating func apply(_ command: Command) -> [Event] {
    exchange.apply(command)
  }

  /// Deposits `amount` with a transferId no scenario uses by hand.
  mutating func fund(_ account: UInt64, _ asset: String, _ amount: Int64) {
    nextTransferId += 1
    let transfer = Transfer(
      account: account, asset: symbol(asset), amount: amount, transferId: nextTransferId)
    precondition(exchange.apply(.deposit(transfer)).first == .deposited(transfer))
  }

  @discardableResult
  mutating func limit(
    _ account: UInt64, _ clientOrderId: UInt64, _ side: Side, price: Int64, quantity: Int64,
    _ timeInForce: TimeInForce = .unspecified, selfTrade: SelfTradePrevention = .unspecified,
    market: CreateMarket = btcUsd
  ) -> [Event] {
    apply(
      .placeOrder(
        PlaceOrder(
          account: account, clientOrderId: clientOrderId, market: market.market, side: side, type: .limit,
          price: price, quantity: quantity, timeInForce: timeInForce, selfTrade: selfTrade)))
  }

  @discardableResult
  mutating func marketOrder(
    _ account: UInt64, _ clientOrderId: UInt64, _ side: Side, quantity: Int64, budget: Int64 = 0,
    selfTrade: SelfTradePrevention = .unspecified, market: CreateMarket = btcUsd
  ) -> [Event] {
    apply(
      .placeOrder(
        PlaceOrder(
          account: account, clientOrderId: clientOrderId, market: market.market, side: side, type: .market,
          quantity: quantity, quoteBudget: budget, selfTrade: selfTrade)))
  }
}

func accepted(
  _ orderId: UInt64, account: UInt64, clientOrderId: UInt64, _ side: Side, _ type: OrderType = .limit,
  price: Int64, quantity: Int64, _ timeInForce: TimeInForce = .goodTillCanceled,
  market: Symbol = btcUsd.market
) -> Event {
  .orderAccepted(
    OrderAccepted(
      orderId: orderId, account: account, clientOrderId: clientOrderId, market: market, side: side,
      type: type,
      price: price, quantity: quantity, timeInForce: timeInForce))
}

func rejected(
  account: UInt64, clientOrderId: UInt64 = 0, orderId: UInt64 = 0, market: Symbol = btcUsd.market,
  _ reason: RejectReason
) -> Event {
  .orderRejected(
    OrderRejected(
      account: account, orderId: orderId, clientOrderId: clientOrderId, market: market, reason: reason))
}

/// A trade; `maker` and `taker` are (orderId, account), `fees` is (maker fee, taker fee).
func trade(
  _ tradeId: UInt64, price: Int64, quantity: Int64, maker: (UInt64, UInt64), taker: (UInt64, UInt64),
  _ takerSide: Side, fees: (Int64, Int64), market: Symbol = btcUsd.market
) -> Event {
  .trade(
    Trade(
      tradeId: tradeId, market: market, price: price, quantity: quantity, makerOrderId: maker.0,
      takerOrderId: taker.0, makerAccount: maker.1, takerAccount: taker.1, takerSide: takerSide,
      makerFee: fees.0,
      takerFee: fees.1))
}

func filled(_ orderId: UInt64, account: UInt64) -> Event {
  .orderFilled(OrderFilled(orderId: orderId, account: account))
}

func canceled(_ orderId: UInt64, account: UInt64, remaining: Int64, _ reason: CancelReason) -> Event {
  .orderCanceled(OrderCanceled(orderId: orderId, account: account, remaining: remaining, reason: reason))
}

func reduced(_ orderId: UInt64, account: UInt64, remaining: Int64) -> Event {
  .orderReduced(OrderReduced(orderId: orderId, account: account, remaining: remaining))
}

func balance(_ account: UInt64, _ asset: String, _ available: Int64, _ held: Int64) -> Event {
  .balanceChanged(BalanceChanged(account: account, asset: symbol(asset), available: available, held: held))
}

/// The events of a batch without its balance changes, for scenarios about matching order.
func withoutBalances(_ events: [Event]) -> [Event] {
  events.filter {
    if case .balanceChanged = $0 { return false }
    return true
  }
}

/// createMarket, unreadable records, deposits and withdrawals.
@Suite struct ReferenceExchangeTests {
  @Test func createMarketEmitsOnlyMarketCreatedAndRejectsADuplicate() {
    var exchange = ReferenceExchange()
    #expect(exchange.apply(.createMarket(btcUsd)) == [.marketCreated(btcUsd)])
    var again = btcUsd
    again.lotSize = 1
    #expect(
      exchange.apply(.createMarket(again)) == [
        .commandRejected(CommandRejected(reason: .marketExists, createMarket: again))
      ])
    #expect(exchange.markets == [btcUsd])
    #expect(exchange.assetTotals.map(\.asset) == [symbol("BTC"), symbol("USD")])
    #expect(exchange.assetTotals.map(\.total) == [0, 0])
  }

  static let malformedMarkets: [CreateMarket] = {
    func changed(_ change: (inout CreateMarket) -> Void) -> CreateMarket {
      var market = btcUsd
      change(&market)
      return market
    }
    return [
      changed { $0.market = symbol("btc-usd") },
      changed { $0.market = .empty },
      changed { $0.market = .unreadable },
      changed { $0.market = symbol("BTC_USD") },
      changed { $0.base = symbol("ABCDEFGHIJKLM") },
      changed { $0.base = symbol("BT-C") },
      changed { $0.quote = .empty },
      changed { $0.quote = $0.base },
      changed { $0.lotSize = 0 },
      changed { $0.tickSize = -5 },
      changed { $0.minQuantity = 0 },
      changed { $0.makerFeeBps = -1 },
      changed { $0.takerFeeBps = 1_001 },
    ]
  }()

  @Test(arguments: malformedMarkets)
  func malformedCreateMarketIsRejectedBeforeExistence(market: CreateMarket) {
    // Most of these keep the name of the market that exists: MALFORMED is checked first.
    var exchange = ReferenceExchange()
    _ = exchange.apply(.createMarket(btcUsd))
    #expect(
      exchange.apply(.createMarket(market)) == [
        .commandRejected(CommandRejected(reason: .malformed, createMarket: market))
      ])
    #expect(exchange.markets == [btcUsd])
  }

  @Test func boundaryMarketParametersAreAccepted() {
    let market = CreateMarket(
      market: symbol("A23456789012345678901234"), base: symbol("ABCDEFGHIJKL"), quote: symbol("Z"),
      lotSize: 1,
      tickSize: 1, minQuantity: 1, makerFeeBps: 0, takerFeeBps: 1_000)
    var exchange = ReferenceExchange()
    #expect(exchange.apply(.createMarket(market)) == [.marketCreated(market)])
  }

  @Test func unreadableRecordIsMalformed() {
    var exchange = ReferenceExchange()
    #expect(exchange.apply(.unreadable) == [.commandRejected(CommandRejected(reason: .malformed))])
  }

  @Test func depositNeedsAnExistingAssetAndCreditsAvailable() {
    var exchange = ReferenceExchange()
    let deposit = Transfer(account: 7, asset: symbol("USD"), amount: 500, transferId: 1)
    #expect(
      exchange.apply(.deposit(deposit))
        == [
          .transferRejected(TransferRejected(transfer: deposit, isWithdrawal: false, reason: .unknownAsset))
        ])
    _ = exchange.apply(.createMarket(btcUsd))
    #expect(exchange.apply(.deposit(deposit)) == [.deposited(deposit), balance(7, "USD", 500, 0)])
    #expect(exchange.assetTotals.map(\.total) == [0, 500])
  }

  static let transferRejections: [(Transfer, RejectReason)] = [
    (Transfer(account: 0, asset: symbol("NOPE"), amount: 0, transferId: 1), .malformed),
    (Transfer(account: 7, asset: symbol("USD"), amount: 10, transferId: 0), .malformed),
    (Transfer(account: 7, asset: symbol("usd"), amount: 10, transferId: 9), .malformed),
    (Transfer(account: 7, asset: .unreadable, amount: 10, transferId: 9), .malformed),
    (Transfer(account: 7, asset: symbol("NOPE"), amount: 0, transferId: 1), .unknownAsset),
    (Transfer(account: 7, asset: symbol("USD"), amount: 0, transferId: 1), .invalidQuantity),
    (Transfer(account: 7, asset: symbol("USD"), amount: -3, transferId: 1), .invalidQuantity),
    (Transfer(account: 7, asset: symbol("BTC"), amount: 10, transferId: 1), .duplicateId),
  ]

  /// Account 7 has deposited 500 USD with transferId 1; each transfer here fails for one reason, in
  /// the documented order (the earlier check wins when several would fail).
  @Test(arguments: transferRejections)
  func transferRejectionsFollowTheDocumentedOrder(transfer: Transfer, reason: RejectReason) {
    var exchange = ReferenceExchange()
    _ = exchange.apply(.createMarket(btcUsd))
    _ = exchange.apply(.deposit(Transfer(account: 7, asset: symbol("USD"), amount: 500, transferId: 1)))
    for isWithdrawal in [false, true] {
      let command: Command = isWithdrawal ? .withdraw(transfer) : .deposit(transfer)
      #expect(
        exchange.apply(command)
          == [
            .transferRejected(
              TransferRejected(transfer: transfer, isWithdrawal: isWithdrawal, reason: reason))
          ])
    }
    #expect(
      exchange.balances == [
        AccountBalance(account: 7, asset: symbol("USD"), balance: Balance(available: 500, held: 0))
      ])
  }

  @Test func depositOverflowComesBeforeDuplicateAndRejectedTransfersUseUpNoId() {
    var exchange = ReferenceExchange()
    _ = exchange.apply(.createMarket(btcUsd))
    let everything = Transfer(account: 1, asset: symbol("BTC"), amount: Int64.max, transferId: 1)
    #expect(
      exchange.apply(.deposit(everything)) == [.deposited(everything), balance(1, "BTC", Int64.max, 0)])
    // Another account's deposit would take the total past Int64.max, even by one unit.
    let one = Transfer(account: 2, asset: symbol("BTC"), amount: 1, transferId: 1)
    #expect(
      exchange.apply(.deposit(one))
        == [.transferRejected(TransferRejected(transfer: one, isWithdrawal: false, reason: .overflow))])
    // The same transferId again on account 1: OVERFLOW is checked before DUPLICATE_ID.
    let repeated = Transfer(account: 1, asset: symbol("BTC"), amount: 1, transferId: 1)
    #expect(
      exchange.apply(.deposit(repeated))
        == [.transferRejected(TransferRejected(transfer: repeated, isWithdrawal: false, reason: .overflow))])
    // Account 2's rejected transferId 1 is still free for its next transfer, in any asset.
    let usd = Transfer(account: 2, asset: symbol("USD"), amount: 5, transferId: 1)
    #expect(exchange.apply(.deposit(usd)) == [.deposited(usd), balance(2, "USD", 5, 0)])
  }

  @Test func withdrawalTakesFromAvailableAndSharesTransferIdsWithDeposits() {
    var scenario = Scenario()
    scenario.fund(1, "BTC", 100)
    scenario.limit(1, 1, .sell, price: 50, quantity: 6)  // holds 60 BTC
    let tooMuch = Transfer(account: 1, asset: symbol("BTC"), amount: 41, transferId: 1)
    #expect(
      scenario.apply(.withdraw(tooMuch))
        == [
          .transferRejected(
            TransferRejected(transfer: tooMuch, isWithdrawal: true, reason: .insufficientFunds))
        ])
    let all = Transfer(account: 1, asset: symbol("BTC"), amount: 40, transferId: 1)
    #expect(scenario.apply(.withdraw(all)) == [.withdrawn(all), balance(1, "BTC", 0, 60)])
    let reused = Transfer(account: 1, asset: symbol("USD"), amount: 40, transferId: 1)
    #expect(
      scenario.apply(.deposit(reused))
        == [.transferRejected(TransferRejected(transfer: reused, isWithdrawal: false, reason: .duplicateId))])
    #expect(scenario.exchange.assetTotals.map(\.total) == [60, 0])
  }
}
