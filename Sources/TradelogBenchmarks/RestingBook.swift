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
    for (position, command) in commands(orders: orders).enumerated() {
      engine.apply(command, timestamp: Int64(position), into: &buffer)
      if case .orderRejected(let rejection) = buffer.events.first {
        preconditionFailure("benchmark order rejected: \(rejection.reason)")
      }
    }
  }

  /// The commands that build the book: the market, deposits for every account, then the orders.
  static func commands(orders: Int) -> [Command] {
    var commands: [Command] = [
      .createMarket(
        CreateMarket(
          market: market, base: base, quote: quote, lotSize: 1, tickSize: 1, minQuantity: 1,
          makerFeeBps: 0, takerFeeBps: 0))
    ]
    for account in 1...accounts {
      commands.append(.deposit(Transfer(account: account, asset: quote, amount: 1 << 50, transferId: 1)))
      commands.append(.deposit(Transfer(account: account, asset: base, amount: 1 << 50, transferId: 2)))
    }
    commands.reserveCapacity(commands.count + orders)
    for index in 0..<orders { commands.append(order(index)) }
    return commands
  }

  /// The `index`th resting order: bids and asks in turn, spread over the price levels and accounts.
  static func order(_ index: Int) -> Command {
    let isBuy = index % 2 == 0
    let level = Int64(index / 2) % levelsPerSide + 1
    return .placeOrder(
      PlaceOrder(
        account: UInt64(index) % accounts + 1, clientOrderId: UInt64(index) + 1, market: market,
        side: isBuy ? .buy : .sell, type: .limit, price: isBuy ? 100_000 - level : 100_000 + level,
        quantity: Int64(index % 7) + 1))
  }
}
