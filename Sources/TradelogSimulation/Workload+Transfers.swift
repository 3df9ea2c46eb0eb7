import TradelogCore

// Deposits, withdrawals and createMarket commands after the opening.
extension Workload {
  mutating func deposit() -> Command {
    let accountIndex = randomAccountIndex()
    let asset = random.pick(assetNames)
    let amount = random.chance(1, in: 10) ? random.inRange(1...1_000) : random.inRange(1...1_000_000_000)
    return .deposit(
      Transfer(
        account: accounts[accountIndex].account, asset: asset, amount: amount,
        transferId: transferId(forAccountAt: accountIndex)))
  }

  /// Mostly a small part of what is available, one in four more than is available.
  mutating func withdrawal() -> Command {
    let accountIndex = randomAccountIndex()
    let account = accounts[accountIndex].account
    let asset = random.pick(assetNames)
    let available = shadow.balance(account: account, asset: asset).available
    let amount =
      random.chance(1, in: 4) || available == 0
      ? available + random.inRange(1...1_000_000)
      : random.inRange(1...Swift.max(1, available / 1_000))
    return .withdraw(
      Transfer(
        account: account, asset: asset, amount: amount, transferId: transferId(forAccountAt: accountIndex)))
  }

  /// A fresh transferId, or now and then one the account used lately (DUPLICATE_ID if it was accepted).
  mutating func transferId(forAccountAt index: Int) -> UInt64 {
    let recent = accounts[index].recentTransferIds
    if !recent.isEmpty && random.chance(1, in: 30) {
      return random.pick(recent)
    }
    return accounts[index].freshTransferId()
  }

  /// A createMarket that must fail: a market that exists (MARKET_EXISTS), or bad parameters (MALFORMED).
  mutating func badCreateMarket() -> Command {
    var request = markets[randomMarketIndex()].parameters
    switch random.below(12) {
    case 0: request.lotSize = random.inRange(-1...0)
    case 1: request.tickSize = random.inRange(-1...0)
    case 2: request.minQuantity = random.inRange(-1...0)
    case 3: request.makerFeeBps = random.chance(1, in: 2) ? -1 : 1_001
    case 4: request.takerFeeBps = random.chance(1, in: 2) ? -1 : Int32.max
    case 5: request.quote = request.base
    case 6: request.market = Symbol(request.market.description.lowercased())!
    case 7: request.base = random.pick([Symbol("btc")!, Symbol("ABCDEFGHIJKLM")!, .unreadable, .empty])
    case 8: request.market = random.pick([Symbol.unreadable, .empty, Symbol("BTC_USD")!])
    default: break  // the market as it exists: MARKET_EXISTS
    }
    return .createMarket(request)
  }
}
