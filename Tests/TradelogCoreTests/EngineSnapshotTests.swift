import Testing
import TradelogCore
import TradelogTestSupport

/// Snapshot bodies: canonical, round-trip to the same state hash and the same future, and never
/// crash on bad bytes.
@Suite struct EngineSnapshotTests {
  typealias X = TestExchange

  /// Two markets with fees, five funded accounts, a small window and a few transfers.
  static func scenario(limits: EngineLimits = .standard) -> TestExchange {
    var exchange = TestExchange(limits: limits)
    exchange.createMarket(makerFeeBps: 3, takerFeeBps: 7)
    exchange.createMarket("ETH-USD", base: "ETH", quote: "USD", lotSize: 10, tickSize: 5, minQuantity: 2)
    for account in UInt64(1)...5 {
      exchange.fund(account, "USD", 1_000_000)
      exchange.fund(account, "BTC", 1_000)
      exchange.fund(account, "ETH", 1_000)
    }
    return exchange
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  @Test func roundTripsAtManyPointsAndContinuesIdentically() throws {
    var limits = EngineLimits.standard
    limits.clientOrderIdWindow = 20
    var exchange = Self.scenario(limits: limits)
    var random = SplitMix(seed: 5)
    for checkpoint in [0, 1, 10, 100, 400] {
      while exchange.timestamp < Int64(20 + checkpoint) {
        exchange.apply(EngineTests.randomCommand(&random))
      }
      let body = exchange.engine.encodeSnapshotBody()
      var decoded = try Engine(snapshotBody: body)
      #expect(decoded.stateHash() == exchange.engine.stateHash())
      #expect(decoded.encodeSnapshotBody() == body)
      #expect(decoded.limits == limits)
      #expect(decoded.openOrders == exchange.engine.openOrders)
      #expect(decoded.balances == exchange.engine.balances)
      // The same future: same events for the next commands, same state after them.
      var original = exchange.engine
      var futureRandom = random
      var originalBatch = EventBuffer(capacity: 16)
      var decodedBatch = EventBuffer(capacity: 16)
      for step in 0..<300 {
        let command = EngineTests.randomCommand(&futureRandom)
        original.apply(command, timestamp: 10_000 + Int64(step), into: &originalBatch)
        decoded.apply(command, timestamp: 10_000 + Int64(step), into: &decodedBatch)
        #expect(originalBatch.events == decodedBatch.events)
        #expect(originalBatch.timestamp == decodedBatch.timestamp)
      }
      #expect(original.stateHash() == decoded.stateHash())
    }
  }

  @Test func idsWindowsAndTransfersSurviveTheRoundTrip() throws {
    var limits = EngineLimits.standard
    limits.clientOrderIdWindow = 2
    var exchange = Self.scenario(limits: limits)
    exchange.limit(1, 1, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel)
    exchange.limit(1, 2, .buy, price: 10, quantity: 1)
    var decoded = TestExchange(limits: limits)
    decoded.engine = try Engine(snapshotBody: exchange.engine.encodeSnapshotBody())
    #expect(
      decoded.limit(1, 1, .buy, price: 10, quantity: 1) == [
        X.rejected(account: 1, clientOrderId: 1, .duplicateId)
      ])
    #expect(
      decoded.limit(1, 3, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel).first
        == X.accepted(
          3, account: 1, clientOrderId: 3, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel))
    #expect(
      decoded.limit(1, 1, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel).first
        == X.accepted(
          4, account: 1, clientOrderId: 1, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel))
    #expect(
      decoded.apply(.cancelOrder(CancelOrder(account: 1, clientOrderId: 2))).first
        == X.canceled(2, account: 1, remaining: 1, .user))
    let reused = Transfer(account: 3, asset: X.quote, amount: 1, transferId: 1_000_007)
    #expect(exchange.engine.balances.contains { $0.account == 3 })
    #expect(
      decoded.apply(.withdraw(reused)) == [
        .transferRejected(TransferRejected(transfer: reused, isWithdrawal: true, reason: .duplicateId))
      ])
  }

  @Test func theHashDependsOnTheStateNotOnTheOrderItWasBuiltIn() {
    var first = TestExchange()
    first.createMarket()
    first.createMarket("ETH-USD", base: "ETH", quote: "USD")
    first.apply(.deposit(Transfer(account: 1, asset: X.quote, amount: 5, transferId: 1)))
    first.apply(.deposit(Transfer(account: 2, asset: X.base, amount: 7, transferId: 9)))
    var second = TestExchange()
    second.createMarket("ETH-USD", base: "ETH", quote: "USD")
    second.createMarket()
    second.apply(.deposit(Transfer(account: 2, asset: X.base, amount: 7, transferId: 9)))
    second.apply(.deposit(Transfer(account: 1, asset: X.quote, amount: 5, transferId: 1)))
    #expect(first.engine.stateHash() == second.engine.stateHash())
    #expect(first.engine.encodeSnapshotBody() == second.engine.encodeSnapshotBody())
    // The last timestamp is state too.
    second.apply(.unreadable)
    #expect(first.engine.stateHash() != second.engine.stateHash())
  }

  @Test func everyTruncationThrows() {
    var exchange = Self.scenario()
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    let body = exchange.engine.encodeSnapshotBody()
    for length in 0..<body.count {
      #expect(throws: SnapshotDecodingError.self) { try Engine(snapshotBody: Array(body[..<length])) }
    }
  }

  /// Flipping any bit either is rejected or gives another valid state whose canonical encoding is
  /// exactly the flipped bytes: the decoder accepts nothing it would not itself write.
  @Test func corruptedBodiesThrowOrDecodeCanonically() {
    var exchange = Self.scenario()
    exchange.limit(1, 1, .buy, price: 10, quantity: 3)
    exchange.limit(2, 1, .sell, price: 12, quantity: 3, market: "ETH-USD")
    exchange.limit(3, 1, .sell, price: 10, quantity: 1)
    let body = exchange.engine.encodeSnapshotBody()
    var decodedCount = 0
    for position in body.indices {
      for bit in [0, 3, 7] {
        var corrupted = body
        corrupted[position] ^= 1 << bit
        if let engine = try? Engine(snapshotBody: corrupted) {
          decodedCount += 1
          #expect(engine.encodeSnapshotBody() == corrupted, "byte \(position) bit \(bit)")
        }
      }
    }
    #expect(decodedCount < body.count)
  }

  @Test func headerErrorsAreNamed() {
    let body = Engine().encodeSnapshotBody()
    var magic = body
    magic[0] = UInt8(ascii: "X")
    #expect(throws: SnapshotDecodingError.notASnapshotBody) { try Engine(snapshotBody: magic) }
    var version = body
    version[4] = 9
    #expect(throws: SnapshotDecodingError.unsupportedVersion(9)) { try Engine(snapshotBody: version) }
    #expect(throws: SnapshotDecodingError.trailingBytes(count: 1)) { try Engine(snapshotBody: body + [0]) }
    #expect(throws: SnapshotDecodingError.notASnapshotBody) { try Engine(snapshotBody: []) }
  }

  @Test func impossibleStatesAreRejected() throws {
    var exchange = TestExchange()
    exchange.createMarket()
    exchange.fund(1, "USD", 100)
    exchange.limit(1, 1, .buy, price: 10, quantity: 3)
    let body = exchange.engine.encodeSnapshotBody()
    #expect(try Engine(snapshotBody: body).openOrders.count == 1)
    // The body ends with the only bid (orderId, account, clientOrderId, remaining, held: 40 bytes)
    // and the empty ask side's level count (4 bytes).
    let held = body.count - 12
    let remaining = body.count - 20
    let account = body.count - 36
    var lessHeld = body
    lessHeld[held] &-= 1
    #expect(throws: SnapshotDecodingError.self) { try Engine(snapshotBody: lessHeld) }
    var unknownAccount = body
    unknownAccount[account] = 99
    #expect(throws: SnapshotDecodingError.self) { try Engine(snapshotBody: unknownAccount) }
    var zeroRemaining = body
    zeroRemaining[remaining] = 0
    #expect(throws: SnapshotDecodingError.self) { try Engine(snapshotBody: zeroRemaining) }
    var moreRemaining = body
    moreRemaining[remaining] = 4
    #expect(throws: SnapshotDecodingError.self) { try Engine(snapshotBody: moreRemaining) }
  }

  /// Repeated ids are found when the decoded orders are indexed in bulk, after the bytes are read.
  @Test func repeatedIdsOfRestingOrdersAreRejected() throws {
    var exchange = TestExchange()
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.limit(1, 1, .buy, price: 10, quantity: 3)
    exchange.limit(1, 2, .buy, price: 9, quantity: 3)
    let body = exchange.engine.encodeSnapshotBody()
    #expect(try Engine(snapshotBody: body).openOrders.count == 2)
    // The body ends with the two bid levels, best first (price, order count: 12 bytes, then the
    // order: orderId, account, clientOrderId, remaining, held: 40 bytes), and the empty ask side's
    // level count (4 bytes).
    let second = body.count - 44
    let first = second - 52
    var repeatedOrderId = body
    repeatedOrderId[second..<second + 8] = body[first..<first + 8]
    #expect(Self.rejection(of: repeatedOrderId) == "an order id is repeated")
    var repeatedClientOrderId = body
    repeatedClientOrderId[second + 16..<second + 24] = body[first + 16..<first + 24]
    #expect(
      Self.rejection(of: repeatedClientOrderId) == "two open orders of one account share clientOrderId 1")
  }

  /// The reason an impossible state is rejected, or nil when the body decodes or fails otherwise.
  static func rejection(of body: [UInt8]) -> String? {
    do {
      _ = try Engine(snapshotBody: body)
      return nil
    } catch {
      guard case .invalidState(_, let reason) = error else { return nil }
      return reason
    }
  }

  /// A fixed scenario's body, byte for byte: a change of the format must be deliberate (bump the
  /// version and update this vector).
  @Test func goldenVector() throws {
    var limits = EngineLimits.standard
    limits.clientOrderIdWindow = 4
    var exchange = TestExchange(limits: limits)
    exchange.createMarket(
      "BTC-USD", base: "BTC", quote: "USD", lotSize: 10, tickSize: 5, minQuantity: 1, makerFeeBps: 10,
      takerFeeBps: 20)
    exchange.apply(.deposit(Transfer(account: 2, asset: X.base, amount: 100, transferId: 1)))
    exchange.apply(.deposit(Transfer(account: 1, asset: X.quote, amount: 10_000, transferId: 1)))
    exchange.limit(2, 7, .sell, price: 100, quantity: 3)
    exchange.limit(1, 8, .buy, price: 100, quantity: 1)
    exchange.limit(1, 9, .buy, price: 95, quantity: 2)
    let body = exchange.engine.encodeSnapshotBody()
    #expect(Self.hex(body) == Self.golden)
    #expect(try Engine(snapshotBody: body).stateHash() == exchange.engine.stateHash())
  }

  static let golden: String =
    "544c4745010010270000000000008096980000000000005a620200000000002d31010000000040420f0000000000a086"
    + "010000000000040000000000000080f0fa0200000000809698000000000000e1f5050000000006000000000000000400"
    + "000000000000020000000000000002000000034254436400000000000000035553441027000000000000010000000742"
    + "54432d55534403425443035553440a00000000000000050000000000000001000000000000000a000000140000000300"
    + "000000000000000000000100000003555344000000000000000000000000000000000000000000000000000100000000"
    + "00000002000000034254430a0000000000000000000000000000000103555344ee25000000000000be00000000000000"
    + "010200000008000000000000000900000000000000010000000100000000000000020000000000000002000000034254"
    + "434600000000000000140000000000000001035553446400000000000000000000000000000001010000000700000000"
    + "000000010000000100000000000000010000005f00000000000000010000000300000000000000010000000000000009"
    + "000000000000000200000000000000be0000000000000001000000640000000000000001000000010000000000000002"
    + "00000000000000070000000000000002000000000000001400000000000000"
}
