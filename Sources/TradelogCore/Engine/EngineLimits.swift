/// Every part of the engine's state that grows with its input, bounded in one place.
///
/// What would take the engine past one of these limits is rejected with `LIMIT_EXCEEDED`, after every
/// rule of SEMANTICS.md and just before the state would grow (docs/exchange-rules.md says exactly
/// when each is checked). Everything else that grows is bounded by these: assets by twice
/// `marketsMax`, price levels in all by `2 × marketsMax × priceLevelsPerSideMax` and by the open
/// orders, the events of one batch by the open orders of one account (a cancelAll) or of one market
/// side (a sweeping order), plus a handful.
///
/// The limits are part of the engine's state: a snapshot carries them, so that an engine decoded from
/// it rejects exactly what the original would have.
public struct EngineLimits: Sendable, Equatable {
  /// Markets that can be created.
  public var marketsMax: Int
  /// Accounts that can hold money (the fee account 0 is not counted). An account comes into being
  /// with its first accepted deposit.
  public var accountsMax: Int
  /// (account, asset) balances of accounts other than 0. A balance comes into being with a deposit
  /// of an asset, or when an order is accepted that may receive an asset the account never held.
  public var balancesMax: Int
  /// Orders resting in all books together.
  public var openOrdersMax: Int
  /// Orders resting for one account.
  public var openOrdersPerAccountMax: Int
  /// Distinct prices on one side of one market's book.
  public var priceLevelsPerSideMax: Int
  /// How many of an account's most recent accepted orders keep their clientOrderId reserved
  /// (SEMANTICS.md: 10,000). Configurable only so tests can exercise the window with small numbers.
  public var clientOrderIdWindow: Int
  /// Remembered recent clientOrderIds of all accounts together (each account's share is at most
  /// `clientOrderIdWindow`).
  public var recentOrdersMax: Int
  /// Transfer ids one account can use, ever (each is remembered forever to reject duplicates).
  public var transferIdsPerAccountMax: Int
  /// Transfer ids of all accounts together.
  public var transferIdsMax: Int

  public init(
    marketsMax: Int, accountsMax: Int, balancesMax: Int, openOrdersMax: Int, openOrdersPerAccountMax: Int,
    priceLevelsPerSideMax: Int, clientOrderIdWindow: Int, recentOrdersMax: Int,
    transferIdsPerAccountMax: Int, transferIdsMax: Int
  ) {
    self.marketsMax = marketsMax
    self.accountsMax = accountsMax
    self.balancesMax = balancesMax
    self.openOrdersMax = openOrdersMax
    self.openOrdersPerAccountMax = openOrdersPerAccountMax
    self.priceLevelsPerSideMax = priceLevelsPerSideMax
    self.clientOrderIdWindow = clientOrderIdWindow
    self.recentOrdersMax = recentOrdersMax
    self.transferIdsPerAccountMax = transferIdsPerAccountMax
    self.transferIdsMax = transferIdsMax
  }

  /// Generous defaults: state at these sizes takes a few GiB, far beyond any workload of the project.
  public static let standard = EngineLimits(
    marketsMax: 10_000,
    accountsMax: 10_000_000,
    balancesMax: 40_000_000,
    openOrdersMax: 20_000_000,
    openOrdersPerAccountMax: 1_000_000,
    priceLevelsPerSideMax: 100_000,
    clientOrderIdWindow: 10_000,
    recentOrdersMax: 50_000_000,
    transferIdsPerAccountMax: 10_000_000,
    transferIdsMax: 100_000_000)

  /// Indices into the engine's pools are `Int32`, so every count must stay below this.
  static let indexCapacity = Int(Int32.max) - 1

  /// Why these limits cannot be used, or nil when they can.
  var problem: String? {
    let all: [(String, Int)] = [
      ("marketsMax", marketsMax), ("accountsMax", accountsMax), ("balancesMax", balancesMax),
      ("openOrdersMax", openOrdersMax), ("openOrdersPerAccountMax", openOrdersPerAccountMax),
      ("priceLevelsPerSideMax", priceLevelsPerSideMax), ("clientOrderIdWindow", clientOrderIdWindow),
      ("recentOrdersMax", recentOrdersMax), ("transferIdsPerAccountMax", transferIdsPerAccountMax),
      ("transferIdsMax", transferIdsMax),
    ]
    for (name, value) in all where value < 1 || value > Self.indexCapacity {
      return "\(name) is \(value); every limit must be between 1 and \(Self.indexCapacity)"
    }
    if marketsMax > Self.indexCapacity / 2 {
      return "marketsMax is \(marketsMax); two book sides per market must stay indexable"
    }
    return nil
  }
}
