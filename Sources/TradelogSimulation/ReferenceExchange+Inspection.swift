import TradelogCore

// ExchangeInspection: plain values built on request, in the documented orders.
extension ReferenceExchange {
  public var markets: [CreateMarket] {
    marketsByName.keys.sorted().map { marketsByName[$0]!.parameters }
  }

  public var balances: [AccountBalance] {
    var listed: [AccountBalance] = []
    for account in accounts.keys.sorted() {
      let balances = accounts[account]!.balances
      for asset in balances.keys.sorted() {
        listed.append(AccountBalance(account: account, asset: asset, balance: balances[asset]!))
      }
    }
    return listed
  }

  public var openOrders: [OpenOrder] {
    restingOrders.keys.sorted().map { restingOrder($0).openOrder }
  }

  public func book(market: Symbol, depth: Int) -> BookDepth {
    guard let book = marketsByName[market] else { return BookDepth(market: market, bids: [], asks: []) }
    return BookDepth(
      market: market, bids: book.levels(on: .buy, depth: depth), asks: book.levels(on: .sell, depth: depth))
  }

  public var assetTotals: [(asset: Symbol, total: Int64)] {
    totalsByAsset.keys.sorted().map { (asset: $0, total: totalsByAsset[$0]!) }
  }
}
