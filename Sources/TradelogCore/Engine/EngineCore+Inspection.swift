// ExchangeInspection: plain values built on request (they allocate), never on the matching path.
// Everything the engine stores unordered is sorted here.

extension Engine: ExchangeInspection {
  public var markets: [CreateMarket] { core.markets }
  public var balances: [AccountBalance] { core.balances }
  public var openOrders: [OpenOrder] { core.openOrders }
  public func book(market name: Symbol, depth: Int) -> BookDepth { core.book(market: name, depth: depth) }
  public var assetTotals: [(asset: Symbol, total: Int64)] { core.assetTotals }

  /// The engine's own counts and sizes, for reports on memory and for tests of the limits.
  public var statistics: EngineStatistics { core.statistics }
}

extension EngineCore {
  var markets: [CreateMarket] {
    marketStates.elements.map(\.parameters).sorted { $0.market < $1.market }
  }

  var balances: [AccountBalance] {
    ledger.slots.elements.filter(\.hasBeenNonZero)
      .map { slot in
        AccountBalance(
          account: slot.account, asset: ledger.assetName(slot.asset),
          balance: Balance(available: slot.available, held: slot.held))
      }
      .sorted { ($0.account, $0.asset) < ($1.account, $1.asset) }
  }

  var openOrders: [OpenOrder] {
    books.orders.indices.compactMap { index -> OpenOrder? in
      let order = books.orders[index]
      guard order.orderId != 0 else { return nil }
      return OpenOrder(
        orderId: order.orderId, account: accountId(order.account), clientOrderId: order.clientOrderId,
        market: marketStates[Int(order.market)].parameters.market, side: order.side,
        price: books.price(of: Int32(index)), remaining: order.remaining, held: order.held)
    }
    .sorted { $0.orderId < $1.orderId }
  }

  func book(market name: Symbol, depth: Int) -> BookDepth {
    guard let market = market(named: name) else { return BookDepth(market: name, bids: [], asks: []) }
    return BookDepth(
      market: name, bids: levels(market: market, side: .buy, depth: depth),
      asks: levels(market: market, side: .sell, depth: depth))
  }

  var assetTotals: [(asset: Symbol, total: Int64)] {
    ledger.assets.elements.map { (asset: $0.name, total: $0.total) }.sorted { $0.asset < $1.asset }
  }

  var statistics: EngineStatistics {
    EngineStatistics(
      openOrders: books.openOrderCount, accounts: accounts.clientAccountCount,
      balances: ledger.clientSlotCount, recentOrders: accounts.recentOrderCount,
      transferIds: accounts.transferIdCount, restingOrderStride: MemoryLayout<RestingOrder>.stride,
      orderIdIndexBytesPerOrder: books.orderIndexBytesPerEntry,
      clientOrderIdIndexBytesPerEntry: accounts.clientOrderIndexBytesPerEntry)
  }

  private func levels(market: Int32, side: Side, depth: Int) -> [BookLevel] {
    let sideIndex = OrderBooks.sideIndex(market: market, side: side)
    let side = books.sides[sideIndex]
    return (0..<min(max(depth, 0), side.count)).map { rank in
      let level = books.level(side.levelBestFirst(rank))
      return BookLevel(price: level.price, quantity: level.quantity, orderCount: Int(level.orderCount))
    }
  }
}

/// Sizes of the engine's state.
public struct EngineStatistics: Sendable, Equatable {
  public var openOrders: Int
  public var accounts: Int
  public var balances: Int
  public var recentOrders: Int
  public var transferIds: Int
  /// Bytes of one resting order's slot.
  public var restingOrderStride: Int
  /// Bytes of the orderId → slot index per resting order, at its current load.
  public var orderIdIndexBytesPerOrder: Double
  /// Bytes of the (account, clientOrderId) index per entry (recent or resting), at its current load.
  public var clientOrderIdIndexBytesPerEntry: Double
}
