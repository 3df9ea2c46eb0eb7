import Testing
import TradelogCore
import TradelogSimulation

/// EventFormatting: one-line renderings with the names of SEMANTICS.md, for failure messages.
@Suite struct ReferenceEventFormattingTests {
  @Test func eventReadsWithTheFieldNamesAndEnumNamesOfTheWire() {
    #expect(
      EventFormatting.describe(
        trade(1, price: 10_000, quantity: 2, maker: (1, 1), taker: (3, 2), .buy, fees: (20, 40)))
        == "trade(tradeId: 1, market: BTC-USD, price: 10000, quantity: 2, makerOrderId: 1, takerOrderId: 3, "
        + "makerAccount: 1, takerAccount: 2, takerSide: BUY, makerFee: 20, takerFee: 40)")
    #expect(
      EventFormatting.describe(canceled(3, account: 2, remaining: 8, .budget))
        == "orderCanceled(orderId: 3, account: 2, remaining: 8, reason: BUDGET)")
    #expect(
      EventFormatting.describe(.commandRejected(CommandRejected(reason: .malformed)))
        == "commandRejected(reason: MALFORMED)")
    #expect(
      EventFormatting.describe(rejected(account: 1, clientOrderId: 4, market: symbol("btc-usd"), .malformed))
        == "orderRejected(account: 1, orderId: 0, clientOrderId: 4, market: \"btc-usd\", reason: MALFORMED)")
  }

  @Test func batchAndCommandRenderOnOneLine() {
    let batch = [filled(1, account: 1), balance(0, "USD", 60, 0)]
    #expect(
      EventFormatting.describe(batch)
        == "[orderFilled(orderId: 1, account: 1), balanceChanged(account: 0, asset: USD, available: 60, held: 0)]"
    )
    #expect(EventFormatting.describe([Event]()) == "[]")
    #expect(
      EventFormatting.describe(.cancelAll(CancelAll(account: 3)))
        == "cancelAll(account: 3, market: \"\")")
    let order = PlaceOrder(
      account: 2, clientOrderId: 1, market: btcUsd.market, side: .buy, type: .market, quantity: 10,
      quoteBudget: 500)
    #expect(
      EventFormatting.describe(.placeOrder(order))
        == "placeOrder(account: 2, clientOrderId: 1, market: BTC-USD, side: BUY, type: MARKET, price: 0, "
        + "quantity: 10, quoteBudget: 500, timeInForce: TIME_IN_FORCE_UNSPECIFIED, selfTrade: SELF_TRADE_UNSPECIFIED)"
    )
    #expect(!EventFormatting.describe(.placeOrder(order)).contains("\n"))
  }

  @Test func mismatchSaysWhereToReproduceAndWhereTheBatchesPart() {
    let message = EventFormatting.mismatch(
      seed: 17, commandIndex: 1_234, command: .unreadable,
      expected: [filled(1, account: 1), filled(2, account: 2)],
      found: [filled(1, account: 1), filled(2, account: 3)])
    #expect(
      message
        == "seed 17, command #1234 unreadable: first difference at event 1; "
        + "expected [orderFilled(orderId: 1, account: 1), orderFilled(orderId: 2, account: 2)], "
        + "found [orderFilled(orderId: 1, account: 1), orderFilled(orderId: 2, account: 3)]")
    let shorter = EventFormatting.mismatch(
      seed: 1, commandIndex: 0, command: .unreadable, expected: [filled(1, account: 1)], found: [])
    #expect(shorter.contains("first difference at event 0"))
  }
}
