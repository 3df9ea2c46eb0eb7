import Testing
import TradelogCore
import TradelogSimulation

/// DUPLICATE_ID for orders: the account's open orders and its last 10,000 accepted orders.
@Suite struct ReferenceClientOrderIdTests {
  /// An IOC buy with no asks to meet: accepted, then cancelled; it holds and returns 5 USD.
  static func immediateOrCancel(
    _ scenario: inout Scenario, account: UInt64 = 1, _ clientOrderId: UInt64
  ) -> [Event] {
    scenario.limit(account, clientOrderId, .buy, price: 5, quantity: 1, .immediateOrCancel)
  }

  static func isAccepted(_ batch: [Event]) -> Bool {
    if case .orderAccepted = batch.first { return true }
    return false
  }

  @Test func clientOrderIdIsFreeAgainAfterTenThousandMoreAcceptedOrdersOfTheAccount() {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000)
    scenario.fund(2, "USD", 1_000)
    #expect(Self.isAccepted(Self.immediateOrCancel(&scenario, 1)))
    for clientOrderId in UInt64(2)...10_000 {
      _ = Self.immediateOrCancel(&scenario, clientOrderId)
    }
    // Orders 1…10,000 are the account's last 10,000 accepted.
    #expect(Self.immediateOrCancel(&scenario, 1) == [rejected(account: 1, clientOrderId: 1, .duplicateId)])
    // Neither another account's orders nor rejected ones push the window on.
    #expect(Self.isAccepted(Self.immediateOrCancel(&scenario, account: 2, 77)))
    #expect(
      scenario.limit(1, 10_001, .buy, price: 5, quantity: 1, .fillOrKill)
        == [rejected(account: 1, clientOrderId: 10_001, .fillOrKillUnfillable)])
    #expect(Self.immediateOrCancel(&scenario, 1) == [rejected(account: 1, clientOrderId: 1, .duplicateId)])
    // The FOK used nothing up: 10,001 is free, and accepting it lets 1 leave the window.
    #expect(Self.isAccepted(Self.immediateOrCancel(&scenario, 10_001)))
    #expect(Self.isAccepted(Self.immediateOrCancel(&scenario, 1)))
  }

  @Test func openOrderHoldsItsClientOrderIdBeyondTheWindowUntilItEnds() {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000)
    scenario.limit(1, 1, .buy, price: 5, quantity: 1)
    for clientOrderId in UInt64(2)...10_001 {
      _ = Self.immediateOrCancel(&scenario, clientOrderId)
    }
    #expect(Self.immediateOrCancel(&scenario, 1) == [rejected(account: 1, clientOrderId: 1, .duplicateId)])
    #expect(
      scenario.apply(.cancelOrder(CancelOrder(account: 1, clientOrderId: 1)))
        == [canceled(1, account: 1, remaining: 1, .user), balance(1, "USD", 1_000, 0)])
    #expect(Self.isAccepted(Self.immediateOrCancel(&scenario, 1)))
  }

  @Test func sameClientOrderIdIsFineForAnotherAccount() {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000)
    scenario.fund(2, "USD", 1_000)
    scenario.limit(1, 42, .buy, price: 5, quantity: 1)
    #expect(
      scenario.limit(2, 42, .buy, price: 5, quantity: 1)
        == [
          accepted(2, account: 2, clientOrderId: 42, .buy, price: 5, quantity: 1), balance(2, "USD", 995, 5),
        ])
  }
}
