import Testing
import TradelogCore
import TradelogSimulation

/// InvariantChecker: the reference model keeps every invariant under seeded workloads, and each kind of
/// broken state is reported.
@Suite struct InvariantCheckerTests {
  /// Small books, so that checking after every command stays quick in a debug build.
  static let smallBooks = WorkloadConfiguration(marketCount: 3, accountCount: 5, openOrdersPerMarketLimit: 40)

  @Test(arguments: [UInt64(1), 2, 3, 4])
  func referenceKeepsEveryInvariantAfterEveryCommand(seed: UInt64) {
    Self.checkEveryCommand(seed: seed, configuration: Self.smallBooks, count: 4_000)
  }

  @Test func referenceKeepsEveryInvariantWithFewAccountsAndDeepBooks() {
    Self.checkEveryCommand(
      seed: 99,
      configuration: WorkloadConfiguration(marketCount: 2, accountCount: 2, openOrdersPerMarketLimit: 150),
      count: 4_000)
  }

  static func checkEveryCommand(seed: UInt64, configuration: WorkloadConfiguration, count: Int) {
    var exchange = ReferenceExchange()
    let checker = InvariantChecker()
    var trades = 0
    for (index, command) in Workload(seed: seed, configuration: configuration).prefix(count).enumerated() {
      let events = exchange.apply(command)
      trades += events.count { if case .trade = $0 { true } else { false } }
      let violations = checker.violations(of: exchange)
      guard violations.isEmpty else {
        let batch = EventFormatting.describe(events)
        Issue.record(
          "seed \(seed), command #\(index) \(EventFormatting.describe(command)) gave \(batch); violations: \(violations)"
        )
        return
      }
    }
    #expect(trades > count / 20, "the workload should trade")
  }

  /// Account 1 rests a buy of 3 lots at 10,000 (holding 30,060 USD) and a sell of 2 lots at 10,100
  /// (holding 20 BTC); account 2 traded once, so account 0 has fees.
  static func consistentState() -> ExchangeSnapshot {
    var scenario = Scenario()
    scenario.fund(1, "USD", 1_000_000)
    scenario.fund(1, "BTC", 1_000)
    scenario.fund(2, "BTC", 100)
    scenario.limit(1, 1, .buy, price: 10_000, quantity: 4)
    scenario.limit(1, 2, .sell, price: 10_100, quantity: 2)
    scenario.limit(2, 1, .sell, price: 10_000, quantity: 1)
    return ExchangeSnapshot(of: scenario.exchange)
  }

  @Test func consistentStateHasNoViolationAndSnapshotsCopyFaithfully() {
    let snapshot = Self.consistentState()
    #expect(InvariantChecker().violations(of: snapshot) == [])
    #expect(ExchangeSnapshot(of: snapshot) == snapshot)
    #expect(snapshot.balances.contains { $0.account == 0 })
  }

  static func index(of account: UInt64, _ asset: String, in snapshot: ExchangeSnapshot) -> Int {
    snapshot.balances.firstIndex { $0.account == account && $0.asset == symbol(asset) }!
  }

  static let tamperings:
    [(String, @Sendable (inout ExchangeSnapshot) -> Void, Set<InvariantViolation.Kind>)] = [
      (
        "available out of thin air", { $0.balances[index(of: 1, "USD", in: $0)].balance.available += 1 },
        [.conservation]
      ),
      ("a total that moved alone", { $0.totals[0].total += 1 }, [.conservation]),
      (
        "held moved without an order",
        {
          let entry = index(of: 1, "USD", in: $0)
          $0.balances[entry].balance.available -= 5
          $0.balances[entry].balance.held += 5
        },
        [.heldMismatch]
      ),
      (
        "a negative balance",
        {
          let entry = index(of: 2, "USD", in: $0)
          $0.balances[entry].balance.available = -1
          $0.totals[1].total -= $0.balances[index(of: 2, "USD", in: $0)].balance.held
        },
        [.negative, .conservation]
      ),
      ("a crossed book", { $0.books[0].bids[0].price = 10_100 }, [.crossedBook, .bookMismatch]),
      ("a book that forgot an order", { $0.books[0].asks = [] }, [.bookMismatch]),
      (
        "a sell holding more than its lots",
        {
          let entry = index(of: 1, "BTC", in: $0)
          $0.balances[entry].balance.available -= 10
          $0.balances[entry].balance.held += 10
          $0.openOrders[1].held += 10
        },
        [.openOrderHold]
      ),
      (
        "a buy holding less than it needs",
        {
          let entry = index(of: 1, "USD", in: $0)
          $0.balances[entry].balance.available += 100
          $0.balances[entry].balance.held -= 100
          $0.openOrders[0].held -= 100
        },
        [.openOrderHold]
      ),
      ("balances out of order", { $0.balances.swapAt(0, 1) }, [.ordering]),
      (
        "an order in no market", { $0.openOrders[1].market = symbol("NOPE") },
        [.openOrderHold, .heldMismatch, .bookMismatch]
      ),
    ]

  @Test(arguments: 0..<tamperings.count)
  func eachBrokenInvariantIsReported(case index: Int) {
    let (name, tamper, expected) = Self.tamperings[index]
    var snapshot = Self.consistentState()
    tamper(&snapshot)
    let violations = InvariantChecker().violations(of: snapshot)
    #expect(Set(violations.map(\.kind)) == expected, "\(name): \(violations.map(\.description))")
    #expect(violations.allSatisfy { !$0.description.isEmpty })
  }
}
