import TradelogCore

/// Builds a deep, uncrossed book: bids below 100,000 and asks above it, spread over many price
/// levels and accounts, the shape a snapshot of a busy market has.
enum RestingBook {
  static let market = Symbol("BENCH-USD")!
  static let base = Symbol("BENCH")!
  static let quote = Symbol("USD")!
  static let accounts: UInt64 = 1_000
  static let levelsPerSide: Int64 = 5_000

  static func fill(_ engine: inout Engine, orders: Int) {
    var buffer = EventBuffer(capacity: 64)
    var position: Int64 = 0
    func apply(_ command: Command) {
      engine.apply(command, timestamp: position, into: &buffer)
      position += 1
      if case .orderRejected(let rejection) = buffer.events.first {
        preconditionFailure("benchmark order rejected: \(rejection.reason)")
      }
    }
    apply(
      .createMarket(
        CreateMarket(
          market: market, base: base, quote: quote, lotSize: 1, tickSize: 1, minQuantity: 1,
          makerFeeBps: 0, takerFeeBps: 0)))
    for account in 1...accounts {
      apply(.deposit(Transfer(account: account, asset: quote, amount: 1 << 50, transferId: 1)))
      apply(.deposit(Transfer(account: account, asset: base, amount: 1 << 50, transferId: 2)))
    }
    for index in 0..<orders {
      let isBuy = index % 2 == 0
      let level = Int64(index / 2) % levelsPerSide + 1
      apply(
        .placeOrder(
          PlaceOrder(
            account: UInt64(index) % accounts + 1, clientOrderId: UInt64(index) + 1, market: market,
            side: isBuy ? .buy : .sell, type: .limit, price: isBuy ? 100_000 - level : 100_000 + level,
            quantity: Int64(index % 7) + 1)))
    }
  }
}
