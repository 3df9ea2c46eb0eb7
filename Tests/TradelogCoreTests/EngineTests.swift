import Testing
import TradelogCore
import TradelogTestSupport

/// The engine as a value: batches, timestamps, unreadable records, independent copies.
@Suite struct EngineTests {
  typealias X = TestExchange

  @Test func timestampsNeverDecrease() {
    var engine = Engine()
    var batch = EventBuffer(capacity: 4)
    engine.apply(.unreadable, timestamp: 100, into: &batch)
    #expect(batch.timestamp == 100)
    engine.apply(.unreadable, timestamp: 90, into: &batch)
    #expect(batch.timestamp == 100)
    engine.apply(.unreadable, timestamp: 101, into: &batch)
    #expect(batch.timestamp == 101)
  }

  @Test func anUnreadableRecordIsRejectedAsMalformed() {
    var engine = Engine()
    var batch = EventBuffer(capacity: 4)
    engine.apply(.unreadable, timestamp: 0, into: &batch)
    #expect(batch.events == [.commandRejected(CommandRejected(reason: .malformed))])
  }

  @Test func eachApplyReplacesTheBatch() {
    var exchange = TestExchange()
    exchange.createMarket()
    exchange.fund(1, "USD", 10)
    #expect(exchange.apply(.cancelAll(CancelAll(account: 1))).isEmpty)
    #expect(exchange.batch.events.isEmpty)
  }

  @Test func copiesAreIndependentEngines() {
    var exchange = TestExchange()
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.limit(1, 1, .buy, price: 10, quantity: 5)
    var copy = exchange.engine
    let hashBefore = exchange.engine.stateHash()
    var batch = EventBuffer(capacity: 8)
    copy.apply(.cancelOrder(CancelOrder(account: 1, orderId: 1)), timestamp: 50, into: &batch)
    #expect(copy.openOrders.isEmpty)
    #expect(exchange.engine.openOrders.map(\.orderId) == [1])
    #expect(exchange.engine.stateHash() == hashBefore)
    // And the original goes on as if the copy had never been made.
    #expect(
      exchange.apply(.cancelOrder(CancelOrder(account: 1, orderId: 1))).first
        == X.canceled(1, account: 1, remaining: 5, .user))
  }

  @Test func theSameCommandsGiveTheSameEventsAndState() {
    var first = TestExchange()
    var second = TestExchange()
    for exchange in [0, 1] {
      var current = exchange == 0 ? first : second
      current.createMarket(makerFeeBps: 3, takerFeeBps: 7)
      for account in UInt64(1)...5 {
        current.fund(account, "USD", 1_000_000)
        current.fund(account, "BTC", 1_000)
      }
      if exchange == 0 { first = current } else { second = current }
    }
    var random = SplitMix(seed: 11)
    for _ in 0..<2_000 {
      let command = Self.randomCommand(&random)
      #expect(first.apply(command) == second.apply(command))
    }
    #expect(first.engine.stateHash() == second.engine.stateHash())
  }

  /// A random order, cancel or reduce among 5 accounts, for determinism checks.
  static func randomCommand(_ random: inout SplitMix) -> Command {
    let account = random.next() % 5 + 1
    let side: Side = random.next() % 2 == 0 ? .buy : .sell
    switch random.next() % 10 {
    case 0:
      return .cancelOrder(CancelOrder(account: account, orderId: random.next() % 200 + 1))
    case 1:
      return .reduceOrder(
        ReduceOrder(account: account, orderId: random.next() % 200 + 1, reduceBy: Int64(random.next() % 5)))
    case 2:
      return X.marketOrder(
        account, random.next() % 300 + 1, side, quantity: Int64(random.next() % 10 + 1),
        quoteBudget: side == .buy ? Int64(random.next() % 5_000 + 1) : 0)
    default:
      let modes: [SelfTradePrevention] = [.unspecified, .cancelMaker, .cancelBoth, .allow]
      let times: [TimeInForce] = [.unspecified, .immediateOrCancel, .fillOrKill, .postOnly]
      return X.limit(
        account, random.next() % 300 + 1, side, price: Int64(random.next() % 20 + 90),
        quantity: Int64(random.next() % 10 + 1), timeInForce: times[Int(random.next() % 4)],
        selfTrade: modes[Int(random.next() % 4)])
    }
  }
}
