import TradelogCore

/// A copy of everything an `ExchangeInspection` shows, taken at one moment: to compare the states of
/// two implementations with `==`, to keep a state for a failure report, or to hand the checker a
/// state edited on purpose.
public struct ExchangeSnapshot: ExchangeInspection, Sendable, Equatable {
  public var markets: [CreateMarket]
  public var balances: [AccountBalance]
  public var openOrders: [OpenOrder]
  /// Per market, in the order of `markets`, its whole book.
  public var books: [BookDepth]
  public var totals: [AssetTotal]

  /// One entry of `assetTotals`, as a value that can be compared.
  public struct AssetTotal: Sendable, Equatable {
    public var asset: Symbol
    public var total: Int64

    public init(asset: Symbol, total: Int64) {
      self.asset = asset
      self.total = total
    }
  }

  /// Copies `exchange`; each book is taken as deep as the market has open orders, which is all of it.
  public init(of exchange: some ExchangeInspection) {
    markets = exchange.markets
    balances = exchange.balances
    openOrders = exchange.openOrders
    let orders = openOrders
    books = markets.map { market in
      exchange.book(market: market.market, depth: orders.count { $0.market == market.market })
    }
    totals = exchange.assetTotals.map { AssetTotal(asset: $0.asset, total: $0.total) }
  }

  public func book(market: Symbol, depth: Int) -> BookDepth {
    guard let book = books.first(where: { $0.market == market }) else {
      return BookDepth(market: market, bids: [], asks: [])
    }
    let levels = Swift.max(0, depth)
    return BookDepth(
      market: market, bids: Array(book.bids.prefix(levels)), asks: Array(book.asks.prefix(levels)))
  }

  public var assetTotals: [(asset: Symbol, total: Int64)] {
    totals.map { (asset: $0.asset, total: $0.total) }
  }
}
