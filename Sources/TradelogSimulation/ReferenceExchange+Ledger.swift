import TradelogCore

// Balances: every change goes through `changeBalance`, which remembers the balance as it was before
// the command so that the batch can end with exactly the balances that differ.
extension ReferenceExchange {
  func balance(account: UInt64, asset: Symbol) -> Balance {
    accounts[account]?.balances[asset] ?? .zero
  }

  /// Adds `available` and `held` (either may be negative) to one balance. A result below zero or out
  /// of `Int64` would mean the model broke its own rules, so it traps.
  mutating func changeBalance(account: UInt64, asset: Symbol, available: Int64 = 0, held: Int64 = 0) {
    let key = BalanceKey(account: account, asset: asset)
    let old = balance(account: account, asset: asset)
    if balancesBefore[key] == nil {
      balancesBefore[key] = old
    }
    guard let newAvailable = ExactArithmetic.sum(old.available, available),
      let newHeld = ExactArithmetic.sum(old.held, held),
      newAvailable >= 0, newHeld >= 0
    else {
      preconditionFailure(
        "balance of account \(account) in \(asset) would leave range: \(old) + (\(available), \(held))")
    }
    let new = Balance(available: newAvailable, held: newHeld)
    // `balances` lists every (account, asset) that has ever been non-zero: create an entry only
    // for a non-zero value, and keep it once it exists.
    if new != .zero || accounts[account]?.balances[asset] != nil {
      accounts[account, default: ReferenceAccount()].balances[asset] = new
    }
  }

  /// Moves `amount` of `asset` from available to held (a placement).
  mutating func hold(_ amount: Int64, of asset: Symbol, account: UInt64) {
    changeBalance(account: account, asset: asset, available: -amount, held: amount)
  }

  /// Moves `amount` of `asset` from held back to available (an order's end, or a reduce).
  mutating func release(_ amount: Int64, of asset: Symbol, account: UInt64) {
    changeBalance(account: account, asset: asset, available: amount, held: -amount)
  }

  /// One `balanceChanged` per touched (account, asset) whose balance differs from before the command,
  /// sorted by account, then asset bytes.
  mutating func appendBalanceChanges() {
    for key in balancesBefore.keys.sorted() {
      let after = balance(account: key.account, asset: key.asset)
      guard after != balancesBefore[key] else { continue }
      events.append(
        .balanceChanged(
          BalanceChanged(account: key.account, asset: key.asset, available: after.available, held: after.held)
        ))
    }
  }
}
