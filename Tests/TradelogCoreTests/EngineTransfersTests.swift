import Testing
import TradelogCore

/// deposit: MALFORMED → UNKNOWN_ASSET → INVALID_QUANTITY → OVERFLOW → DUPLICATE_ID;
/// withdraw: MALFORMED → UNKNOWN_ASSET → INVALID_QUANTITY → DUPLICATE_ID → INSUFFICIENT_FUNDS.
@Suite struct EngineTransfersTests {
  typealias X = TestExchange

  static func transfer(_ account: UInt64, _ asset: String, _ amount: Int64, id: UInt64) -> Transfer {
    Transfer(account: account, asset: Symbol(decoding: asset), amount: amount, transferId: id)
  }

  static func rejectedDeposit(_ transfer: Transfer, _ reason: RejectReason) -> Event {
    .transferRejected(TransferRejected(transfer: transfer, isWithdrawal: false, reason: reason))
  }

  static func rejectedWithdrawal(_ transfer: Transfer, _ reason: RejectReason) -> Event {
    .transferRejected(TransferRejected(transfer: transfer, isWithdrawal: true, reason: reason))
  }

  static func exchange() -> TestExchange {
    var exchange = TestExchange()
    exchange.createMarket()
    return exchange
  }

  @Test func depositThenWithdraw() {
    var exchange = Self.exchange()
    let deposit = Self.transfer(7, "USD", 1_000, id: 1)
    #expect(
      exchange.apply(.deposit(deposit)) == [
        .deposited(deposit), X.balance(7, "USD", available: 1_000, held: 0),
      ])
    let withdrawal = Self.transfer(7, "USD", 400, id: 2)
    #expect(
      exchange.apply(.withdraw(withdrawal)) == [
        .withdrawn(withdrawal), X.balance(7, "USD", available: 600, held: 0),
      ])
    #expect(exchange.engine.assetTotals.first { $0.asset == X.quote }?.total == 600)
  }

  @Test func withdrawingEverythingKeepsTheBalanceListed() {
    var exchange = Self.exchange()
    exchange.fund(7, "USD", 10)
    let withdrawal = Self.transfer(7, "USD", 10, id: 2)
    #expect(
      exchange.apply(.withdraw(withdrawal)) == [
        .withdrawn(withdrawal), X.balance(7, "USD", available: 0, held: 0),
      ])
    #expect(exchange.engine.balances == [AccountBalance(account: 7, asset: X.quote, balance: .zero)])
  }

  static let malformedTransfers: [Transfer] = [
    transfer(0, "USD", 10, id: 1),
    transfer(7, "USD", 10, id: 0),
    transfer(7, "usd", 10, id: 1),
    transfer(7, "", 10, id: 1),
    transfer(7, "ABCDEFGHIJKLM", 10, id: 1),
    transfer(7, "US-D", 10, id: 1),
    Transfer(account: 7, asset: .unreadable, amount: 10, transferId: 1),
  ]

  @Test(arguments: malformedTransfers.indices)
  func malformedTransfer(_ index: Int) {
    var exchange = Self.exchange()
    let transfer = Self.malformedTransfers[index]
    #expect(exchange.apply(.deposit(transfer)) == [Self.rejectedDeposit(transfer, .malformed)])
    #expect(exchange.apply(.withdraw(transfer)) == [Self.rejectedWithdrawal(transfer, .malformed)])
  }

  @Test func validationOrderOfDeposits() {
    var exchange = Self.exchange()
    exchange.apply(.deposit(Self.transfer(7, "USD", 10, id: 1)))
    // Each transfer breaks the named rule and every later one.
    let cases: [(Transfer, RejectReason)] = [
      (Self.transfer(0, "EUR", 0, id: 1), .malformed),
      (Self.transfer(7, "EUR", 0, id: 1), .unknownAsset),
      (Self.transfer(7, "USD", 0, id: 1), .invalidQuantity),
      (Self.transfer(7, "USD", -5, id: 1), .invalidQuantity),
      (Self.transfer(7, "USD", .max, id: 1), .overflow),
      (Self.transfer(7, "USD", 5, id: 1), .duplicateId),
    ]
    for (transfer, reason) in cases {
      #expect(exchange.apply(.deposit(transfer)) == [Self.rejectedDeposit(transfer, reason)])
    }
  }

  @Test func validationOrderOfWithdrawals() {
    var exchange = Self.exchange()
    exchange.apply(.deposit(Self.transfer(7, "USD", 10, id: 1)))
    let cases: [(Transfer, RejectReason)] = [
      (Self.transfer(0, "EUR", 0, id: 1), .malformed),
      (Self.transfer(7, "EUR", 0, id: 1), .unknownAsset),
      (Self.transfer(7, "USD", 0, id: 1), .invalidQuantity),
      (Self.transfer(7, "USD", 50, id: 1), .duplicateId),
      (Self.transfer(7, "USD", 50, id: 2), .insufficientFunds),
      (Self.transfer(8, "USD", 1, id: 2), .insufficientFunds),
      (Self.transfer(7, "BTC", 1, id: 2), .insufficientFunds),
    ]
    for (transfer, reason) in cases {
      #expect(exchange.apply(.withdraw(transfer)) == [Self.rejectedWithdrawal(transfer, reason)])
    }
    #expect(exchange.balance(7, "USD") == Balance(available: 10, held: 0))
  }

  @Test func overflowIsAboutTheAssetsTotalAcrossAccounts() {
    var exchange = Self.exchange()
    exchange.fund(1, "USD", .max - 10)
    let tooMuch = Self.transfer(2, "USD", 11, id: 1)
    #expect(exchange.apply(.deposit(tooMuch)) == [Self.rejectedDeposit(tooMuch, .overflow)])
    exchange.fund(2, "USD", 10)
    #expect(exchange.engine.assetTotals.first { $0.asset == X.quote }?.total == .max)
    // Another asset has its own total.
    exchange.fund(2, "BTC", .max)
  }

  @Test func transferIdsAreUsedOncePerAccountAcrossAssetsAndKinds() {
    var exchange = Self.exchange()
    exchange.apply(.deposit(Self.transfer(7, "USD", 10, id: 1)))
    let sameIdOtherAsset = Self.transfer(7, "BTC", 10, id: 1)
    #expect(
      exchange.apply(.deposit(sameIdOtherAsset)) == [Self.rejectedDeposit(sameIdOtherAsset, .duplicateId)])
    let sameIdWithdrawal = Self.transfer(7, "USD", 1, id: 1)
    #expect(
      exchange.apply(.withdraw(sameIdWithdrawal)) == [Self.rejectedWithdrawal(sameIdWithdrawal, .duplicateId)]
    )
    // Another account may use the same id.
    let otherAccount = Self.transfer(8, "USD", 10, id: 1)
    #expect(exchange.apply(.deposit(otherAccount)).first == .deposited(otherAccount))
    // A withdrawal's id is used up too.
    let withdrawal = Self.transfer(7, "USD", 1, id: 2)
    #expect(exchange.apply(.withdraw(withdrawal)).first == .withdrawn(withdrawal))
    let reuse = Self.transfer(7, "USD", 1, id: 2)
    #expect(exchange.apply(.deposit(reuse)) == [Self.rejectedDeposit(reuse, .duplicateId)])
  }

  @Test func aRejectedTransferUsesUpNothing() {
    var exchange = Self.exchange()
    exchange.fund(7, "USD", 5)
    let tooLarge = Self.transfer(7, "USD", 50, id: 9)
    #expect(exchange.apply(.withdraw(tooLarge)) == [Self.rejectedWithdrawal(tooLarge, .insufficientFunds)])
    let retry = Self.transfer(7, "USD", 5, id: 9)
    #expect(exchange.apply(.withdraw(retry)).first == .withdrawn(retry))
    let zero = Self.transfer(8, "USD", 0, id: 1)
    #expect(exchange.apply(.deposit(zero)) == [Self.rejectedDeposit(zero, .invalidQuantity)])
    let real = Self.transfer(8, "USD", 3, id: 1)
    #expect(exchange.apply(.deposit(real)).first == .deposited(real))
  }

  @Test func heldFundsCannotBeWithdrawn() {
    var exchange = Self.exchange()
    exchange.fund(7, "USD", 100)
    exchange.limit(7, 1, .buy, price: 10, quantity: 6)
    #expect(exchange.balance(7, "USD") == Balance(available: 40, held: 60))
    let withdrawal = Self.transfer(7, "USD", 41, id: 5)
    #expect(
      exchange.apply(.withdraw(withdrawal)) == [Self.rejectedWithdrawal(withdrawal, .insufficientFunds)])
  }
}
