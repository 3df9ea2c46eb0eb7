import Testing
import TradelogCore

/// Every limit of `EngineLimits` rejects with LIMIT_EXCEEDED exactly where docs/exchange-rules.md
/// says, after every rule of SEMANTICS.md.
@Suite struct EngineLimitsTests {
  typealias X = TestExchange

  static func limits(_ change: (inout EngineLimits) -> Void) -> EngineLimits {
    var limits = EngineLimits.standard
    change(&limits)
    return limits
  }

  @Test func marketsMax() {
    var exchange = TestExchange(limits: Self.limits { $0.marketsMax = 1 })
    exchange.createMarket()
    let second = X.createMarketCommand("ETH-USD", base: "ETH")
    guard case .createMarket(let parameters) = second else { return }
    #expect(
      exchange.apply(second) == [
        .commandRejected(CommandRejected(reason: .limitExceeded, createMarket: parameters))
      ])
    // MARKET_EXISTS comes first.
    let again = X.createMarketCommand()
    guard case .createMarket(let same) = again else { return }
    #expect(
      exchange.apply(again) == [.commandRejected(CommandRejected(reason: .marketExists, createMarket: same))])
  }

  @Test func accountsMax() {
    var exchange = TestExchange(limits: Self.limits { $0.accountsMax = 2 })
    exchange.createMarket()
    exchange.fund(1, "USD", 5)
    exchange.fund(2, "USD", 5)
    exchange.fund(2, "BTC", 5)
    let third = Transfer(account: 3, asset: X.quote, amount: 5, transferId: 1)
    #expect(
      exchange.apply(.deposit(third)) == [
        .transferRejected(TransferRejected(transfer: third, isWithdrawal: false, reason: .limitExceeded))
      ])
    // Earlier rules first.
    let duplicateOfKnown = Transfer(account: 2, asset: X.quote, amount: 0, transferId: 1)
    #expect(
      exchange.apply(.deposit(duplicateOfKnown)) == [
        .transferRejected(
          TransferRejected(transfer: duplicateOfKnown, isWithdrawal: false, reason: .invalidQuantity))
      ])
  }

  @Test func balancesMaxForDepositsAndForWhatAnOrderMayReceive() {
    var exchange = TestExchange(limits: Self.limits { $0.balancesMax = 2 })
    exchange.createMarket()
    exchange.fund(1, "USD", 500)
    exchange.fund(2, "BTC", 5)
    let third = Transfer(account: 1, asset: X.base, amount: 5, transferId: 77)
    #expect(
      exchange.apply(.deposit(third)) == [
        .transferRejected(TransferRejected(transfer: third, isWithdrawal: false, reason: .limitExceeded))
      ])
    // Account 1 may receive BTC from a buy: that balance would be the third.
    #expect(
      exchange.limit(1, 1, .buy, price: 10, quantity: 1) == [
        X.rejected(account: 1, clientOrderId: 1, .limitExceeded)
      ])
    // Insufficient funds comes first.
    #expect(
      exchange.limit(1, 2, .buy, price: 10, quantity: 100) == [
        X.rejected(account: 1, clientOrderId: 2, .insufficientFunds)
      ])
    // The fee account's balances do not count.
    var withFees = TestExchange(limits: Self.limits { $0.balancesMax = 1 })
    withFees.createMarket(makerFeeBps: 10)
    withFees.createMarket("ETH-EUR", base: "ETH", quote: "EUR", makerFeeBps: 10)
    withFees.fund(1, "USD", 5)
  }

  @Test func openOrdersMaxAppliesToOrdersThatMayRest() {
    var exchange = TestExchange(limits: Self.limits { $0.openOrdersMax = 2 })
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.fund(2, "USD", 1_000)
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    exchange.limit(2, 1, .buy, price: 10, quantity: 1)
    #expect(
      exchange.limit(1, 2, .buy, price: 10, quantity: 1) == [
        X.rejected(account: 1, clientOrderId: 2, .limitExceeded)
      ])
    #expect(
      exchange.limit(1, 3, .buy, price: 10, quantity: 1, timeInForce: .postOnly) == [
        X.rejected(account: 1, clientOrderId: 3, .limitExceeded)
      ])
    // Orders that never rest are still accepted.
    #expect(
      exchange.limit(1, 4, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel).first
        == X.accepted(
          3, account: 1, clientOrderId: 4, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel))
    exchange.apply(.cancelOrder(CancelOrder(account: 2, orderId: 2)))
    #expect(
      exchange.limit(1, 5, .buy, price: 10, quantity: 1).first
        == X.accepted(4, account: 1, clientOrderId: 5, .buy, price: 10, quantity: 1))
  }

  @Test func openOrdersPerAccountMax() {
    var exchange = TestExchange(limits: Self.limits { $0.openOrdersPerAccountMax = 1 })
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.fund(2, "USD", 1_000)
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    #expect(
      exchange.limit(1, 2, .buy, price: 10, quantity: 1) == [
        X.rejected(account: 1, clientOrderId: 2, .limitExceeded)
      ])
    #expect(
      exchange.limit(2, 1, .buy, price: 10, quantity: 1).first
        == X.accepted(2, account: 2, clientOrderId: 1, .buy, price: 10, quantity: 1))
  }

  @Test func priceLevelsPerSideMax() {
    var exchange = TestExchange(limits: Self.limits { $0.priceLevelsPerSideMax = 2 })
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.fund(1, "BTC", 10)
    exchange.limit(1, 1, .buy, price: 10, quantity: 1)
    exchange.limit(1, 2, .buy, price: 11, quantity: 1)
    #expect(
      exchange.limit(1, 3, .buy, price: 12, quantity: 1) == [
        X.rejected(account: 1, clientOrderId: 3, .limitExceeded)
      ])
    // An existing price, and the other side, still have room.
    #expect(
      exchange.limit(1, 4, .buy, price: 11, quantity: 1).first
        == X.accepted(3, account: 1, clientOrderId: 4, .buy, price: 11, quantity: 1))
    #expect(
      exchange.limit(1, 5, .sell, price: 20, quantity: 1).first
        == X.accepted(4, account: 1, clientOrderId: 5, .sell, price: 20, quantity: 1))
    // WOULD_TAKE comes first.
    #expect(
      exchange.limit(1, 6, .buy, price: 25, quantity: 1, timeInForce: .postOnly) == [
        X.rejected(account: 1, clientOrderId: 6, .wouldTake)
      ])
  }

  @Test func recentOrdersMax() {
    var exchange = TestExchange(
      limits: Self.limits {
        $0.recentOrdersMax = 3
        $0.clientOrderIdWindow = 2
      })
    exchange.createMarket()
    exchange.fund(1, "USD", 1_000)
    exchange.fund(2, "USD", 1_000)
    exchange.limit(1, 1, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel)
    exchange.limit(1, 2, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel)
    exchange.limit(2, 1, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel)
    #expect(
      exchange.limit(2, 2, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel) == [
        X.rejected(account: 2, clientOrderId: 2, .limitExceeded)
      ])
    // Account 1's window is full: its next order replaces its oldest, so it still fits.
    #expect(
      exchange.limit(1, 3, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel).first
        == X.accepted(
          4, account: 1, clientOrderId: 3, .buy, price: 10, quantity: 1, timeInForce: .immediateOrCancel))
  }

  @Test func transferIdsPerAccountMaxAndTransferIdsMax() {
    var exchange = TestExchange(
      limits: Self.limits {
        $0.transferIdsPerAccountMax = 2
        $0.transferIdsMax = 3
      })
    exchange.createMarket()
    exchange.apply(.deposit(Transfer(account: 1, asset: X.quote, amount: 5, transferId: 1)))
    exchange.apply(.withdraw(Transfer(account: 1, asset: X.quote, amount: 1, transferId: 2)))
    let third = Transfer(account: 1, asset: X.quote, amount: 5, transferId: 3)
    #expect(
      exchange.apply(.deposit(third)) == [
        .transferRejected(TransferRejected(transfer: third, isWithdrawal: false, reason: .limitExceeded))
      ])
    let thirdWithdrawal = Transfer(account: 1, asset: X.quote, amount: 1, transferId: 3)
    #expect(
      exchange.apply(.withdraw(thirdWithdrawal)) == [
        .transferRejected(
          TransferRejected(transfer: thirdWithdrawal, isWithdrawal: true, reason: .limitExceeded))
      ])
    // Insufficient funds comes first.
    let tooMuch = Transfer(account: 1, asset: X.quote, amount: 50, transferId: 4)
    #expect(
      exchange.apply(.withdraw(tooMuch)) == [
        .transferRejected(TransferRejected(transfer: tooMuch, isWithdrawal: true, reason: .insufficientFunds))
      ])
    exchange.apply(.deposit(Transfer(account: 2, asset: X.quote, amount: 5, transferId: 1)))
    let fourth = Transfer(account: 3, asset: X.quote, amount: 5, transferId: 1)
    #expect(
      exchange.apply(.deposit(fourth)) == [
        .transferRejected(TransferRejected(transfer: fourth, isWithdrawal: false, reason: .limitExceeded))
      ])
  }
}
