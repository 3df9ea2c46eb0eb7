import TradelogCore

/// One broken invariant, said plainly enough to debug from.
public struct InvariantViolation: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Σ available + held over all accounts (account 0 included) differs from the asset's total.
    case conservation
    /// A balance, a total or an order's hold or quantity is below zero (or an open quantity is zero).
    case negative
    /// A market's best bid is not below its best ask.
    case crossedBook
    /// An account's held balance differs from what its open orders hold in that asset.
    case heldMismatch
    /// An open order's hold does not match the rules for its remaining quantity, or its market is unknown.
    case openOrderHold
    /// A listing is not in the documented ascending order, or repeats an entry.
    case ordering
    /// A market's book levels are not the open orders of that market, summed per price.
    case bookMismatch
  }

  public var kind: Kind
  public var description: String

  public init(kind: Kind, description: String) {
    self.kind = kind
    self.description = description
  }
}

/// Checks the invariants of SEMANTICS.md on any implementation, through `ExchangeInspection`, after a
/// command: conservation per asset, nothing negative, no crossed book, books that sum the open orders,
/// held balances equal to what open orders hold, and the documented orders of every listing. It reads only the public view, so it
/// judges the engine and the reference model alike.
public struct InvariantChecker: Sendable {
  public init() {}

  /// Every violation found, grouped by invariant; empty when the state is consistent.
  public func violations(of exchange: some ExchangeInspection) -> [InvariantViolation] {
    let markets = exchange.markets
    let balances = exchange.balances
    let openOrders = exchange.openOrders
    let totals = exchange.assetTotals
    var found = orderingViolations(
      markets: markets, balances: balances, openOrders: openOrders, totals: totals)
    found += negativeViolations(balances: balances, openOrders: openOrders, totals: totals)
    found += conservationViolations(balances: balances, totals: totals)
    found += bookViolations(markets: markets, openOrders: openOrders, exchange: exchange)
    found += heldViolations(markets: markets, balances: balances, openOrders: openOrders)
    return found
  }

  func orderingViolations(
    markets: [CreateMarket], balances: [AccountBalance], openOrders: [OpenOrder],
    totals: [(asset: Symbol, total: Int64)]
  ) -> [InvariantViolation] {
    var found: [InvariantViolation] = []
    func check<Key: Comparable>(_ keys: [Key], _ listing: String) {
      for index in keys.indices.dropFirst() where !(keys[index - 1] < keys[index]) {
        found.append(
          InvariantViolation(
            kind: .ordering,
            description:
              "\(listing) is not strictly ascending at position \(index): \(keys[index - 1]) then \(keys[index])"
          ))
        return
      }
    }
    check(markets.map(\.market), "markets")
    check(balances.map { BalanceKey(account: $0.account, asset: $0.asset) }, "balances")
    check(openOrders.map(\.orderId), "openOrders")
    check(totals.map(\.asset), "assetTotals")
    return found
  }

  func negativeViolations(
    balances: [AccountBalance], openOrders: [OpenOrder], totals: [(asset: Symbol, total: Int64)]
  ) -> [InvariantViolation] {
    var found: [InvariantViolation] = []
    for entry in balances where entry.balance.available < 0 || entry.balance.held < 0 {
      found.append(
        InvariantViolation(
          kind: .negative,
          description:
            "account \(entry.account) \(entry.asset): available \(entry.balance.available), held \(entry.balance.held)"
        ))
    }
    for entry in totals where entry.total < 0 {
      found.append(
        InvariantViolation(kind: .negative, description: "total of \(entry.asset) is \(entry.total)"))
    }
    for order in openOrders where order.remaining <= 0 || order.held < 0 {
      found.append(
        InvariantViolation(
          kind: .negative,
          description: "open order \(order.orderId) has remaining \(order.remaining), held \(order.held)"))
    }
    return found
  }

  func conservationViolations(
    balances: [AccountBalance], totals: [(asset: Symbol, total: Int64)]
  ) -> [InvariantViolation] {
    // 128-bit sums: a broken implementation must not make the checker itself trap.
    var sums: [Symbol: Int128] = [:]
    for entry in balances {
      sums[entry.asset, default: 0] += Int128(entry.balance.available) + Int128(entry.balance.held)
    }
    var expected: [Symbol: Int128] = [:]
    for entry in totals {
      expected[entry.asset] = Int128(entry.total)
    }
    var found: [InvariantViolation] = []
    for asset in Set(sums.keys).union(expected.keys).sorted() {
      let sum = sums[asset] ?? 0
      let total = expected[asset] ?? 0
      guard sum != total else { continue }
      found.append(
        InvariantViolation(
          kind: .conservation,
          description:
            "\(asset): Σ available + held over all accounts is \(sum), but the asset's total is \(total)"))
    }
    return found
  }

  /// Per market: the best bid is below the best ask, and the levels are the open orders summed per
  /// price (bids from the highest price, asks from the lowest).
  func bookViolations(
    markets: [CreateMarket], openOrders: [OpenOrder], exchange: some ExchangeInspection
  )
    -> [InvariantViolation]
  {
    var found: [InvariantViolation] = []
    for market in markets {
      let orders = openOrders.filter { $0.market == market.market }
      let book = exchange.book(market: market.market, depth: orders.count)
      if let bid = book.bids.first, let ask = book.asks.first, bid.price >= ask.price {
        found.append(
          InvariantViolation(
            kind: .crossedBook,
            description: "\(market.market): best bid \(bid.price) is not below best ask \(ask.price)"))
      }
      let bids = Self.levels(of: orders.filter { $0.side == .buy }, bestFirst: >)
      let asks = Self.levels(of: orders.filter { $0.side == .sell }, bestFirst: <)
      if book.bids != bids || book.asks != asks {
        found.append(
          InvariantViolation(
            kind: .bookMismatch,
            description: "\(market.market): book shows bids \(book.bids) and asks \(book.asks), "
              + "but its open orders make bids \(bids) and asks \(asks)"))
      }
    }
    return found
  }

  /// Orders summed per price, best price first.
  static func levels(of orders: [OpenOrder], bestFirst isBetter: (Int64, Int64) -> Bool) -> [BookLevel] {
    var levels: [Int64: BookLevel] = [:]
    for order in orders {
      // Wrapping: a broken implementation must not make the checker trap; the levels then differ.
      levels[order.price, default: BookLevel(price: order.price, quantity: 0, orderCount: 0)].quantity &+=
        order.remaining
      levels[order.price]!.orderCount += 1
    }
    return levels.keys.sorted(by: isBetter).map { levels[$0]! }
  }

  /// Each account's held balance is what its open orders hold (a buy in the quote asset, a sell in
  /// the base); each order holds what the rules say for its remaining quantity.
  func heldViolations(
    markets: [CreateMarket], balances: [AccountBalance], openOrders: [OpenOrder]
  )
    -> [InvariantViolation]
  {
    var parameters: [Symbol: CreateMarket] = [:]
    for market in markets {
      parameters[market.market] = market
    }
    var found: [InvariantViolation] = []
    var heldByOrders: [BalanceKey: Int128] = [:]
    for order in openOrders {
      guard let market = parameters[order.market] else {
        found.append(
          InvariantViolation(
            kind: .openOrderHold,
            description: "open order \(order.orderId) rests in unknown market \(order.market)"))
        continue
      }
      let asset = order.side == .buy ? market.quote : market.base
      heldByOrders[BalanceKey(account: order.account, asset: asset), default: 0] += Int128(order.held)
      if let problem = holdProblem(of: order, in: market) {
        found.append(InvariantViolation(kind: .openOrderHold, description: problem))
      }
    }
    var heldByBalances: [BalanceKey: Int128] = [:]
    for entry in balances where entry.balance.held != 0 {
      heldByBalances[BalanceKey(account: entry.account, asset: entry.asset)] = Int128(entry.balance.held)
    }
    for key in Set(heldByOrders.keys).union(heldByBalances.keys).sorted() {
      let ordersHold = heldByOrders[key] ?? 0
      let balanceHeld = heldByBalances[key] ?? 0
      guard ordersHold != balanceHeld else { continue }
      found.append(
        InvariantViolation(
          kind: .heldMismatch,
          description:
            "account \(key.account) \(key.asset): held is \(balanceHeld), but its open orders hold \(ordersHold)"
        ))
    }
    return found
  }

  /// A sell holds exactly `remaining × lotSize`; a buy at least what its remaining quantity needs
  /// (`P × R + fee(P × R, max bps)`: it may keep savings from better prices and fee rounding).
  func holdProblem(of order: OpenOrder, in market: CreateMarket) -> String? {
    guard order.remaining > 0 && order.price > 0 else {
      return "open order \(order.orderId) has remaining \(order.remaining) at price \(order.price)"
    }
    if order.side == .sell {
      let needed = ExactArithmetic.product(order.remaining, market.lotSize)
      return needed == order.held
        ? nil
        : "open sell \(order.orderId) holds \(order.held), but \(order.remaining) lots × \(market.lotSize) is \(needed.map(String.init) ?? "beyond Int64")"
    }
    guard (0...1000).contains(market.highestFeeBasisPoints) else {
      return "open buy \(order.orderId) rests in \(market.market), whose fees are outside 0…1000 bps"
    }
    let needed = ExactArithmetic.buyHold(
      price: order.price, quantity: order.remaining, feeBasisPoints: market.highestFeeBasisPoints)
    guard let needed, order.held >= needed else {
      return
        "open buy \(order.orderId) holds \(order.held), less than the \(needed.map(String.init) ?? "beyond Int64") its \(order.remaining) lots at \(order.price) need"
    }
    return nil
  }
}
