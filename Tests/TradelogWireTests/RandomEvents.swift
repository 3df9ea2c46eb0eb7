import TradelogCore
import TradelogWire

/// Seeded random events and commands (SplitMix64), so that a failure can be reproduced from its seed.
struct RandomEvents {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// 0, 1, the varint size edges, the largest, or anything.
  mutating func unsigned() -> UInt64 {
    let edges: [UInt64] = [0, 1, 127, 128, 16_383, 16_384, UInt64(Int64.max), UInt64.max]
    return below(3) == 0 ? edges[below(edges.count)] : next() >> UInt64(below(64))
  }

  mutating func signed() -> Int64 {
    let edges: [Int64] = [0, 1, -1, 127, 128, Int64.min, Int64.max]
    return below(3) == 0 ? edges[below(edges.count)] : Int64(bitPattern: next()) >> Int64(below(64))
  }

  mutating func symbol() -> Symbol {
    let names = ["", "BTC", "BTC-USD", "USD", "?", "LONG-MARKET-NAME-X-Y-Z-1", "é"]
    return Symbol(names[below(names.count)])!
  }

  mutating func pick<Value: CaseIterable>(_: Value.Type) -> Value {
    let all = Array(Value.allCases)
    return all[below(all.count)]
  }

  mutating func market() -> CreateMarket {
    CreateMarket(
      market: symbol(), base: symbol(), quote: symbol(), lotSize: signed(), tickSize: signed(),
      minQuantity: signed(), makerFeeBps: Int32(truncatingIfNeeded: signed()),
      takerFeeBps: Int32(truncatingIfNeeded: signed()))
  }

  mutating func transfer() -> Transfer {
    Transfer(account: unsigned(), asset: symbol(), amount: signed(), transferId: unsigned())
  }

  /// Any command, `unreadable` and every enumeration value (`unrecognized` too) included.
  mutating func command() -> Command {
    switch below(8) {
    case 0: .createMarket(market())
    case 1: .deposit(transfer())
    case 2: .withdraw(transfer())
    case 3:
      .placeOrder(
        PlaceOrder(
          account: unsigned(), clientOrderId: unsigned(), market: symbol(), side: pick(Side.self),
          type: pick(OrderType.self), price: signed(), quantity: signed(), quoteBudget: signed(),
          timeInForce: pick(TimeInForce.self), selfTrade: pick(SelfTradePrevention.self)))
    case 4: .cancelOrder(CancelOrder(account: unsigned(), orderId: unsigned(), clientOrderId: unsigned()))
    case 5: .cancelAll(CancelAll(account: unsigned(), market: symbol()))
    case 6: .reduceOrder(ReduceOrder(account: unsigned(), orderId: unsigned(), reduceBy: signed()))
    default: .unreadable
    }
  }

  /// A batch of up to a dozen events, with or without a chain hash.
  mutating func batch() -> EventBatchRecord {
    EventBatchRecord(
      seq: unsigned(), commandOffset: unsigned(), timestamp: signed(),
      events: (0..<below(13)).map { _ in event() },
      chainHash: below(4) == 0 ? [] : (0..<32).map { _ in UInt8(truncatingIfNeeded: next()) })
  }

  mutating func event() -> Event {
    switch below(12) {
    case 0: .marketCreated(market())
    case 1: .deposited(transfer())
    case 2: .withdrawn(transfer())
    case 3:
      .transferRejected(
        TransferRejected(transfer: transfer(), isWithdrawal: below(2) == 0, reason: pick(RejectReason.self)))
    case 4:
      .orderAccepted(
        OrderAccepted(
          orderId: unsigned(), account: unsigned(), clientOrderId: unsigned(), market: symbol(),
          side: pick(Side.self), type: pick(OrderType.self), price: signed(), quantity: signed(),
          timeInForce: pick(TimeInForce.self)))
    case 5:
      .orderRejected(
        OrderRejected(
          account: unsigned(), orderId: unsigned(), clientOrderId: unsigned(), market: symbol(),
          reason: pick(RejectReason.self)))
    case 6:
      .trade(
        Trade(
          tradeId: unsigned(), market: symbol(), price: signed(), quantity: signed(),
          makerOrderId: unsigned(),
          takerOrderId: unsigned(), makerAccount: unsigned(), takerAccount: unsigned(),
          takerSide: pick(Side.self),
          makerFee: signed(), takerFee: signed()))
    case 7: .orderFilled(OrderFilled(orderId: unsigned(), account: unsigned()))
    case 8:
      .orderCanceled(
        OrderCanceled(
          orderId: unsigned(), account: unsigned(), remaining: signed(), reason: pick(CancelReason.self)))
    case 9: .orderReduced(OrderReduced(orderId: unsigned(), account: unsigned(), remaining: signed()))
    case 10:
      .commandRejected(
        CommandRejected(reason: pick(RejectReason.self), createMarket: below(2) == 0 ? market() : nil))
    default:
      .balanceChanged(
        BalanceChanged(account: unsigned(), asset: symbol(), available: signed(), held: signed()))
    }
  }
}
