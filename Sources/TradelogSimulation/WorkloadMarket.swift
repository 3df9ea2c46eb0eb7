import TradelogCore

/// One market of a workload: its parameters and the mid price its orders gather around.
struct WorkloadMarket {
  var parameters: CreateMarket
  /// The mid price in ticks; it wanders one tick at a time as orders arrive.
  var midTicks: Int64 = 1_000

  var tickSize: Int64 { parameters.tickSize }

  /// Moves the mid price by at most a tick, never below 100 ticks.
  mutating func wander(_ random: inout SimulationRandom) {
    switch random.below(4) {
    case 0: midTicks = max(100, midTicks - 1)
    case 1: midTicks = min(10_000_000, midTicks + 1)
    default: break
    }
  }
}

extension Workload {
  /// Parameter sets the markets cycle through: lot and tick sizes of 1 up to 1000, minimum quantities
  /// above 1, fees of 0 and of 1000 bps on either side, and small odd rates whose fees round.
  static let marketProfiles:
    [(lotSize: Int64, tickSize: Int64, minQuantity: Int64, makerFeeBps: Int32, takerFeeBps: Int32)] = [
      (1, 1, 1, 0, 0),
      (100, 5, 1, 10, 25),
      (1_000, 25, 10, 1_000, 1_000),
      (10, 1, 2, 0, 1_000),
      (1, 100, 1, 3, 7),
      (7, 3, 5, 1_000, 0),
    ]

  static let baseAssets = [
    "BTC", "ETH", "SOL", "ADA", "DOT", "XRP", "LTC", "DOGE", "AVAX", "LINK", "ATOM", "UNI",
  ]
  static let quoteAssets = ["USD", "EUR", "USDT"]

  /// Market `index`: mostly `BASE-QUOTE`; every fifth is quoted in BTC (so an asset is base in one
  /// market and quote in another), every sixth is named without a dash.
  static func plannedMarket(index: Int) -> WorkloadMarket {
    let generation = index / baseAssets.count
    let base = baseAssets[index % baseAssets.count] + (generation > 0 ? "\(generation)" : "")
    let quote = index % 5 == 4 && !base.hasPrefix("BTC") ? "BTC" : quoteAssets[index % quoteAssets.count]
    let name = index % 6 == 5 ? "\(base)\(quote)" : "\(base)-\(quote)"
    let profile = marketProfiles[index % marketProfiles.count]
    let parameters = CreateMarket(
      market: Symbol(name)!, base: Symbol(base)!, quote: Symbol(quote)!, lotSize: profile.lotSize,
      tickSize: profile.tickSize, minQuantity: profile.minQuantity, makerFeeBps: profile.makerFeeBps,
      takerFeeBps: profile.takerFeeBps)
    return WorkloadMarket(parameters: parameters)
  }
}
