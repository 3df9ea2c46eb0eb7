import Testing
import TradelogCore
import TradelogWire

/// A named value for parameterized tests and golden vectors.
struct Sample<Value: Sendable>: Sendable, CustomTestStringConvertible {
  let name: String
  let value: Value

  init(_ name: String, _ value: Value) {
    self.name = name
    self.value = value
  }

  var testDescription: String { name }
}

/// Every command and event kind with realistic, non-zero values, plus examples that leave fields
/// out: the inputs of the round-trip tests and of the golden vectors in schemas/golden. Changing a
/// value here changes the golden vectors (regenerate them with tools/generate-golden-vectors).
enum WireSamples {
  static let btcUsd = Symbol("BTC-USD")!
  static let ethUsd = Symbol("ETH-USD")!
  static let btc = Symbol("BTC")!
  static let eth = Symbol("ETH")!
  static let usd = Symbol("USD")!

  static let market = CreateMarket(
    market: btcUsd, base: btc, quote: usd, lotSize: 1_000_000, tickSize: 100, minQuantity: 1,
    makerFeeBps: 10, takerFeeBps: 25)

  static let commands: [Sample<Command>] = [
    Sample("createMarket", .createMarket(market)),
    Sample(
      "deposit", .deposit(Transfer(account: 7, asset: usd, amount: 25_000_000, transferId: 900_001))),
    Sample(
      "deposit.extremes",
      .deposit(Transfer(account: .max, asset: usd, amount: .max, transferId: .max))),
    Sample(
      "withdraw", .withdraw(Transfer(account: 7, asset: btc, amount: 5_000_000, transferId: 900_002))),
    Sample(
      "placeOrder.limitBuy",
      .placeOrder(
        PlaceOrder(
          account: 7, clientOrderId: 1, market: btcUsd, side: .buy, type: .limit, price: 6_512_300,
          quantity: 3, timeInForce: .goodTillCanceled, selfTrade: .cancelTaker))),
    Sample(
      "placeOrder.marketBuy",
      .placeOrder(
        PlaceOrder(
          account: 8, clientOrderId: 42, market: btcUsd, side: .buy, type: .market, quantity: 10,
          quoteBudget: 70_000_000, timeInForce: .immediateOrCancel, selfTrade: .cancelBoth))),
    Sample(
      "placeOrder.postOnlySell",
      .placeOrder(
        PlaceOrder(
          account: 9, clientOrderId: 7_000_000_001, market: ethUsd, side: .sell, type: .limit, price: 250_000,
          quantity: 12, timeInForce: .postOnly, selfTrade: .cancelMaker))),
    Sample(
      "placeOrder.fillOrKillSell",
      .placeOrder(
        PlaceOrder(
          account: 9, clientOrderId: 3, market: btcUsd, side: .sell, type: .limit, price: 6_500_000,
          quantity: 2, timeInForce: .fillOrKill, selfTrade: .allow))),
    Sample(
      "placeOrder.leftOutFields",
      .placeOrder(
        PlaceOrder(
          account: 7, clientOrderId: 2, market: ethUsd, side: .sell, type: .limit, price: 250_000, quantity: 4
        ))),
    Sample("cancelOrder.byOrderId", .cancelOrder(CancelOrder(account: 7, orderId: 1_234))),
    Sample("cancelOrder.byClientOrderId", .cancelOrder(CancelOrder(account: 7, clientOrderId: 1))),
    Sample("cancelAll.oneMarket", .cancelAll(CancelAll(account: 7, market: btcUsd))),
    Sample("cancelAll.everyMarket", .cancelAll(CancelAll(account: 7))),
    Sample("reduceOrder", .reduceOrder(ReduceOrder(account: 7, orderId: 1_234, reduceBy: 2))),
    Sample("unreadable", .unreadable),
  ]

  static let events: [Sample<Event>] = [
    Sample("marketCreated", .marketCreated(market)),
    Sample(
      "deposited", .deposited(Transfer(account: 7, asset: usd, amount: 25_000_000, transferId: 900_001))),
    Sample("withdrawn", .withdrawn(Transfer(account: 7, asset: btc, amount: 5_000_000, transferId: 900_002))),
    Sample(
      "transferRejected.deposit",
      .transferRejected(
        TransferRejected(
          transfer: Transfer(account: 7, asset: Symbol("DOGE")!, amount: 100, transferId: 900_003),
          isWithdrawal: false, reason: .unknownAsset))),
    Sample(
      "transferRejected.withdraw",
      .transferRejected(
        TransferRejected(
          transfer: Transfer(account: 7, asset: btc, amount: 900_000_000, transferId: 900_004),
          isWithdrawal: true, reason: .insufficientFunds))),
    Sample(
      "orderAccepted.limit",
      .orderAccepted(
        OrderAccepted(
          orderId: 1_234, account: 7, clientOrderId: 1, market: btcUsd, side: .buy, type: .limit,
          price: 6_512_300, quantity: 3, timeInForce: .goodTillCanceled))),
    Sample(
      "orderAccepted.market",
      .orderAccepted(
        OrderAccepted(
          orderId: 1_235, account: 8, clientOrderId: 42, market: btcUsd, side: .sell, type: .market,
          price: 0, quantity: 10, timeInForce: .immediateOrCancel))),
    Sample(
      "orderRejected.placeOrder",
      .orderRejected(
        OrderRejected(account: 7, orderId: 0, clientOrderId: 5, market: btcUsd, reason: .insufficientFunds))),
    Sample(
      "orderRejected.cancelOrder",
      .orderRejected(
        OrderRejected(account: 7, orderId: 99, clientOrderId: 0, market: .empty, reason: .unknownOrder))),
    Sample(
      "orderRejected.limitExceeded",
      .orderRejected(
        OrderRejected(account: 7, orderId: 0, clientOrderId: 6, market: btcUsd, reason: .limitExceeded))),
    Sample(
      "trade",
      .trade(
        Trade(
          tradeId: 77, market: btcUsd, price: 6_512_300, quantity: 2, makerOrderId: 1_234,
          takerOrderId: 1_236,
          makerAccount: 7, takerAccount: 9, takerSide: .sell, makerFee: 13_024, takerFee: 32_561))),
    Sample("orderFilled", .orderFilled(OrderFilled(orderId: 1_236, account: 9))),
    Sample(
      "orderCanceled.user",
      .orderCanceled(OrderCanceled(orderId: 1_234, account: 7, remaining: 1, reason: .user))),
    Sample(
      "orderCanceled.immediateOrCancel",
      .orderCanceled(OrderCanceled(orderId: 1_235, account: 8, remaining: 10, reason: .immediateOrCancel))),
    Sample(
      "orderCanceled.selfTrade",
      .orderCanceled(OrderCanceled(orderId: 1_237, account: 9, remaining: 4, reason: .selfTrade))),
    Sample(
      "orderCanceled.budget",
      .orderCanceled(OrderCanceled(orderId: 1_238, account: 8, remaining: 3, reason: .budget))),
    Sample(
      "orderCanceled.cancelAll",
      .orderCanceled(OrderCanceled(orderId: 1_239, account: 7, remaining: 5, reason: .cancelAll))),
    Sample("orderReduced", .orderReduced(OrderReduced(orderId: 1_234, account: 7, remaining: 1))),
    Sample("commandRejected.malformed", .commandRejected(CommandRejected(reason: .malformed))),
    Sample(
      "commandRejected.marketExists",
      .commandRejected(CommandRejected(reason: .marketExists, createMarket: market))),
    Sample(
      "balanceChanged",
      .balanceChanged(BalanceChanged(account: 7, asset: usd, available: 5_465_000, held: 13_024_600))),
    Sample(
      "balanceChanged.feeAccount",
      .balanceChanged(BalanceChanged(account: 0, asset: usd, available: 45_585, held: 0))),
  ]

  /// A stand-in chain hash: 32 distinct bytes (the sequencer computes real ones).
  static let chainHash: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }

  static let batches: [Sample<EventBatchRecord>] = [
    Sample(
      "batch.placeOrderMatched",
      EventBatchRecord(
        seq: 12, commandOffset: 11, timestamp: 1_767_225_600_123,
        events: [
          .orderAccepted(
            OrderAccepted(
              orderId: 1_236, account: 9, clientOrderId: 3, market: btcUsd, side: .sell, type: .limit,
              price: 6_500_000, quantity: 2, timeInForce: .goodTillCanceled)),
          .trade(
            Trade(
              tradeId: 77, market: btcUsd, price: 6_512_300, quantity: 2, makerOrderId: 1_234,
              takerOrderId: 1_236, makerAccount: 7, takerAccount: 9, takerSide: .sell, makerFee: 13_024,
              takerFee: 32_561)),
          .orderFilled(OrderFilled(orderId: 1_236, account: 9)),
          .balanceChanged(BalanceChanged(account: 0, asset: usd, available: 45_585, held: 0)),
          .balanceChanged(BalanceChanged(account: 7, asset: btc, available: 2_000_000, held: 0)),
          .balanceChanged(BalanceChanged(account: 7, asset: usd, available: 5_465_000, held: 6_525_324)),
          .balanceChanged(BalanceChanged(account: 9, asset: btc, available: 3_000_000, held: 0)),
          .balanceChanged(BalanceChanged(account: 9, asset: usd, available: 12_992_039, held: 0)),
        ],
        chainHash: chainHash)),
    Sample(
      "batch.noEvents",
      EventBatchRecord(
        seq: 13, commandOffset: 12, timestamp: 1_767_225_600_124, events: [], chainHash: chainHash)),
    Sample(
      "batch.beforeChainHash",
      EventBatchRecord(
        seq: 1, commandOffset: 0, timestamp: 1_767_225_600_000, events: [.marketCreated(market)])),
  ]
}
