/// The shape of a `Workload`: how many markets and accounts, and how often each kind of command comes.
public struct WorkloadConfiguration: Sendable, Equatable {
  /// Markets created at the start, with parameters cycling through `Workload.marketProfiles` (lot and
  /// tick sizes from 1 to 1000, minimum quantities from 1 to 10, fees from 0 to 1000 bps).
  public var marketCount: Int
  /// Accounts 1…accountCount. Few accounts make self-trades frequent.
  public var accountCount: Int
  public var mix: WorkloadMix
  /// When a market rests this many orders, new orders there turn into cancels, so that the books stay
  /// bounded however long the workload runs.
  public var openOrdersPerMarketLimit: Int

  public init(
    marketCount: Int = 4, accountCount: Int = 10, mix: WorkloadMix = .standard,
    openOrdersPerMarketLimit: Int = 1_000
  ) {
    precondition(marketCount >= 1, "a workload needs at least one market")
    precondition(accountCount >= 1, "a workload needs at least one account")
    precondition(openOrdersPerMarketLimit >= 1, "the open-order limit must be at least 1")
    self.marketCount = marketCount
    self.accountCount = accountCount
    self.mix = mix
    self.openOrdersPerMarketLimit = openOrdersPerMarketLimit
  }

  public static let standard = WorkloadConfiguration()
}

/// Relative weights of the kinds of command a workload draws after its opening (markets and first
/// deposits). A weight of 0 leaves that kind out.
public struct WorkloadMix: Sendable, Equatable {
  public var limitOrder: Int
  public var marketOrder: Int
  public var cancelOrder: Int
  public var reduceOrder: Int
  public var cancelAll: Int
  public var deposit: Int
  public var withdraw: Int
  /// Duplicate or bad createMarket commands (the markets themselves are created at the start).
  public var createMarket: Int
  /// Malformed and edge-case commands of every kind: bad accounts, ids, names, enums, field
  /// combinations, prices, quantities, budgets, overflowing amounts, unreadable records.
  public var edgeCase: Int

  public init(
    limitOrder: Int, marketOrder: Int, cancelOrder: Int, reduceOrder: Int, cancelAll: Int, deposit: Int,
    withdraw: Int, createMarket: Int, edgeCase: Int
  ) {
    self.limitOrder = limitOrder
    self.marketOrder = marketOrder
    self.cancelOrder = cancelOrder
    self.reduceOrder = reduceOrder
    self.cancelAll = cancelAll
    self.deposit = deposit
    self.withdraw = withdraw
    self.createMarket = createMarket
    self.edgeCase = edgeCase
  }

  /// Mostly limit orders and cancels, as on a real exchange, with a steady trickle of everything else.
  public static let standard = WorkloadMix(
    limitOrder: 500, marketOrder: 40, cancelOrder: 150, reduceOrder: 50, cancelAll: 3, deposit: 30,
    withdraw: 20, createMarket: 3, edgeCase: 25)

  var weights: [Int] {
    [limitOrder, marketOrder, cancelOrder, reduceOrder, cancelAll, deposit, withdraw, createMarket, edgeCase]
  }
}
