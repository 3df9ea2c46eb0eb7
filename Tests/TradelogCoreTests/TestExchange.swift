import Testing
import TradelogCore

/// An engine with a reused event buffer and shorthands for the commands and events of the tests, so
/// that each test states its scenario and the exact events it expects in a few lines.
///
/// Defaults: market `BTC-USD` (base `BTC`, quote `USD`), lotSize 1, tickSize 1, minQuantity 1, no
/// fees.
struct TestExchange {
  var engine: Engine
  var batch = EventBuffer(capacity: 16)
  var timestamp: Int64 = 0
  private var nextTransferId: UInt64 = 1_000_000

  static let market = TestExchange.name("BTC-USD")
  static let base = TestExchange.name("BTC")
  static let quote = TestExchange.name("USD")

  init(limits: EngineLimits = .standard) {
    engine = Engine(limits: limits)
  }

  static func name(_ text: String) -> Symbol {
    Symbol(decoding: text)
  }

  /// Applies a command and returns its events; checks conservation after every command.
  @discardableResult
  mutating func apply(_ command: Command, sourceLocation: SourceLocation = #_sourceLocation) -> [Event] {
    timestamp += 1
    engine.apply(command, timestamp: timestamp, into: &batch)
    Self.expectConservation(engine, sourceLocation: sourceLocation)
    return batch.events
  }

  /// SEMANTICS.md: per asset, Σ (available + held) over all accounts equals the asset's total.
  static func expectConservation(_ engine: Engine, sourceLocation: SourceLocation = #_sourceLocation) {
    for (asset, total) in engine.assetTotals {
      let sum = engine.balances.filter { $0.asset == asset }.reduce(Int64(0)) {
        $0 + $1.balance.available + $1.balance.held
      }
      #expect(sum == total, "conservation of \(asset)", sourceLocation: sourceLocation)
    }
  }

  // MARK: Commands

  static func createMarketCommand(
    _ market: String = "BTC-USD", base: String = "BTC", quote: String = "USD", lotSize: Int64 = 1,
    tickSize: Int64 = 1, minQuantity: Int64 = 1, makerFeeBps: Int32 = 0, takerFeeBps: Int32 = 0
  ) -> Command {
    .createMarket(
      CreateMarket(
        market: name(market), base: name(base), quote: name(quote), lotSize: lotSize, tickSize: tickSize,
        minQuantity: minQuantity, makerFeeBps: makerFeeBps, takerFeeBps: takerFeeBps))
  }

  @discardableResult
  mutating func createMarket(
    _ market: String = "BTC-USD", base: String = "BTC", quote: String = "USD", lotSize: Int64 = 1,
    tickSize: Int64 = 1, minQuantity: Int64 = 1, makerFeeBps: Int32 = 0, takerFeeBps: Int32 = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> [Event] {
    let events = apply(
      Self.createMarketCommand(
        market, base: base, quote: quote, lotSize: lotSize, tickSize: tickSize, minQuantity: minQuantity,
        makerFeeBps: makerFeeBps, takerFeeBps: takerFeeBps))
    #expect(events.count == 1, sourceLocation: sourceLocation)
    if case .marketCreated = events.first {
    } else {
      Issue.record("market not created", sourceLocation: sourceLocation)
    }
    return events
  }

  /// Deposits with a fresh transfer id, expecting acceptance.
  mutating func fund(
    _ account: UInt64, _ asset: String, _ amount: Int64, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    nextTransferId += 1
    let transfer = Transfer(
      account: account, asset: Self.name(asset), amount: amount, transferId: nextTransferId)
    let events = apply(.deposit(transfer))
    #expect(events.first == .deposited(transfer), sourceLocation: sourceLocation)
  }

  static func limit(
    _ account: UInt64, _ clientOrderId: UInt64, _ side: Side, price: Int64, quantity: Int64,
    timeInForce: TimeInForce = .unspecified, selfTrade: SelfTradePrevention = .unspecified,
    market: String = "BTC-USD"
  ) -> Command {
    .placeOrder(
      PlaceOrder(
        account: account, clientOrderId: clientOrderId, market: name(market), side: side, type: .limit,
        price: price, quantity: quantity, timeInForce: timeInForce, selfTrade: selfTrade))
  }

  static func marketOrder(
    _ account: UInt64, _ clientOrderId: UInt64, _ side: Side, quantity: Int64, quoteBudget: Int64 = 0,
    selfTrade: SelfTradePrevention = .unspecified, market: String = "BTC-USD"
  ) -> Command {
    .placeOrder(
      PlaceOrder(
        account: account, clientOrderId: clientOrderId, market: name(market), side: side, type: .market,
        quantity: quantity, quoteBudget: quoteBudget, selfTrade: selfTrade))
  }

  @discardableResult
  mutating func limit(
    _ account: UInt64, _ clientOrderId: UInt64, _ side: Side, price: Int64, quantity: Int64,
    timeInForce: TimeInForce = .unspecified, selfTrade: SelfTradePrevention = .unspecified,
    market: String = "BTC-USD"
  ) -> [Event] {
    apply(
      Self.limit(
        account, clientOrderId, side, price: price, quantity: quantity, timeInForce: timeInForce,
        selfTrade: selfTrade, market: market))
  }

  // MARK: Events

  static func accepted(
    _ orderId: UInt64, account: UInt64, clientOrderId: UInt64, _ side: Side, price: Int64, quantity: Int64,
    type: OrderType = .limit, timeInForce: TimeInForce = .goodTillCanceled, market: String = "BTC-USD"
  ) -> Event {
    .orderAccepted(
      OrderAccepted(
        orderId: orderId, account: account, clientOrderId: clientOrderId, market: name(market), side: side,
        type: type, price: price, quantity: quantity, timeInForce: timeInForce))
  }

  static func rejected(
    account: UInt64, clientOrderId: UInt64 = 0, orderId: UInt64 = 0, market: Symbol = TestExchange.market,
    _ reason: RejectReason
  ) -> Event {
    .orderRejected(
      OrderRejected(
        account: account, orderId: orderId, clientOrderId: clientOrderId, market: market, reason: reason))
  }

  static func trade(
    _ tradeId: UInt64, price: Int64, quantity: Int64, maker: (order: UInt64, account: UInt64),
    taker: (order: UInt64, account: UInt64), takerSide: Side, makerFee: Int64 = 0, takerFee: Int64 = 0,
    market: String = "BTC-USD"
  ) -> Event {
    .trade(
      Trade(
        tradeId: tradeId, market: name(market), price: price, quantity: quantity, makerOrderId: maker.order,
        takerOrderId: taker.order, makerAccount: maker.account, takerAccount: taker.account,
        takerSide: takerSide,
        makerFee: makerFee, takerFee: takerFee))
  }

  static func filled(_ orderId: UInt64, account: UInt64) -> Event {
    .orderFilled(OrderFilled(orderId: orderId, account: account))
  }

  static func canceled(_ orderId: UInt64, account: UInt64, remaining: Int64, _ reason: CancelReason) -> Event
  {
    .orderCanceled(OrderCanceled(orderId: orderId, account: account, remaining: remaining, reason: reason))
  }

  static func reduced(_ orderId: UInt64, account: UInt64, remaining: Int64) -> Event {
    .orderReduced(OrderReduced(orderId: orderId, account: account, remaining: remaining))
  }

  static func balance(_ account: UInt64, _ asset: String, available: Int64, held: Int64) -> Event {
    .balanceChanged(BalanceChanged(account: account, asset: name(asset), available: available, held: held))
  }

  // MARK: State

  func balance(_ account: UInt64, _ asset: String) -> Balance {
    engine.balances.first { $0.account == account && $0.asset == Self.name(asset) }?.balance ?? .zero
  }

  func openOrder(_ orderId: UInt64) -> OpenOrder? {
    engine.openOrders.first { $0.orderId == orderId }
  }
}
