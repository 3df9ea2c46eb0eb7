import Testing
import TradelogCore
import TradelogSimulation

/// Workload: deterministic from its seed, shaped by its configuration, bounded, and covering every
/// rejection and cancel reason of SEMANTICS.md.
@Suite struct WorkloadTests {
  @Test func sameSeedGivesTheSameCommandsAndDifferentSeedsDiffer() {
    let first = Array(Workload(seed: 17).prefix(20_000))
    #expect(first == Array(Workload(seed: 17).prefix(20_000)))
    let other = Array(Workload(seed: 18).prefix(20_000))
    let differing = zip(first, other).count { $0 != $1 }
    #expect(differing > 10_000)
  }

  /// A change of this fingerprint means a recorded seed no longer reproduces its workload: make such a
  /// change on purpose only, and update the fingerprint with it.
  @Test func seedReproducesARecordedWorkload() {
    var fingerprint: UInt64 = 0xCBF2_9CE4_8422_2325
    for command in Workload(seed: 42).prefix(5_000) {
      for byte in EventFormatting.describe(command).utf8 {
        fingerprint = (fingerprint ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      }
    }
    #expect(fingerprint == Self.recordedFingerprint, "fingerprint is now \(String(fingerprint, radix: 16))")
  }

  static let recordedFingerprint: UInt64 = 11_682_870_153_431_864_561

  @Test func opensWithEveryMarketThenFundsEveryAccountInEveryAsset() {
    let configuration = WorkloadConfiguration(marketCount: 6, accountCount: 3)
    let commands = Array(Workload(seed: 3, configuration: configuration).prefix(40))
    var markets: [CreateMarket] = []
    for case .createMarket(let market) in commands.prefix(6) {
      markets.append(market)
    }
    #expect(markets.count == 6)
    #expect(Set(markets.map(\.market)).count == 6)
    #expect(markets.contains { $0.makerFeeBps == 0 && $0.takerFeeBps == 0 })
    #expect(markets.contains { $0.makerFeeBps == 1_000 || $0.takerFeeBps == 1_000 })
    #expect(Set(markets.map(\.lotSize)).count > 3)
    #expect(markets.contains { $0.minQuantity > 1 })
    var assets: [Symbol] = []
    for market in markets {
      for asset in [market.base, market.quote] where !assets.contains(asset) {
        assets.append(asset)
      }
    }
    var funded: [(UInt64, Symbol)] = []
    for case .deposit(let transfer) in commands.dropFirst(6).prefix(3 * assets.count) {
      funded.append((transfer.account, transfer.asset))
    }
    #expect(funded.count == 3 * assets.count)
    for account in UInt64(1)...3 {
      #expect(funded.filter { $0.0 == account }.map(\.1) == assets)
    }
  }

  @Test func namesOnlyConfiguredAccountsAndKeepsEveryBookWithinTheLimit() {
    let configuration = WorkloadConfiguration(marketCount: 2, accountCount: 3, openOrdersPerMarketLimit: 30)
    var workload = Workload(seed: 11, configuration: configuration)
    var exchange = ReferenceExchange()
    var largestBook = 0
    for _ in 0..<30_000 {
      let command = workload.next()!
      #expect(Self.account(of: command).map { $0 <= 3 } ?? true, "\(EventFormatting.describe(command))")
      _ = exchange.apply(command)
      for market in exchange.markets {
        let book = exchange.book(market: market.market, depth: 1_000)
        largestBook = max(largestBook, (book.bids + book.asks).reduce(0) { $0 + $1.orderCount })
      }
    }
    #expect(largestBook == 30)
    #expect(workload.commandCount == 30_000)
  }

  @Test func lastBatchIsWhatTheReferenceModelAnswers() {
    var workload = Workload(seed: 5)
    var exchange = ReferenceExchange()
    for _ in 0..<5_000 {
      let command = workload.next()!
      #expect(workload.lastBatch == exchange.apply(command))
    }
  }

  static func account(of command: Command) -> UInt64? {
    switch command {
    case .deposit(let transfer), .withdraw(let transfer): transfer.account
    case .placeOrder(let order): order.account
    case .cancelOrder(let cancel): cancel.account
    case .cancelAll(let cancel): cancel.account
    case .reduceOrder(let reduce): reduce.account
    case .createMarket, .unreadable: nil
    }
  }

  /// What the reference model answered to a workload, counted by kind and reason.
  struct Outcomes {
    var eventKinds: Set<String> = []
    var orderRejections: [RejectReason: Int] = [:]
    var transferRejections: [RejectReason: Int] = [:]
    var commandRejections: [RejectReason: Int] = [:]
    var cancels: [CancelReason: Int] = [:]

    mutating func count(_ event: Event) {
      switch event {
      case .marketCreated: eventKinds.insert("marketCreated")
      case .deposited: eventKinds.insert("deposited")
      case .withdrawn: eventKinds.insert("withdrawn")
      case .orderAccepted: eventKinds.insert("orderAccepted")
      case .trade: eventKinds.insert("trade")
      case .orderFilled: eventKinds.insert("orderFilled")
      case .orderReduced: eventKinds.insert("orderReduced")
      case .balanceChanged: eventKinds.insert("balanceChanged")
      case .orderRejected(let rejected):
        eventKinds.insert("orderRejected")
        orderRejections[rejected.reason, default: 0] += 1
      case .transferRejected(let rejected):
        eventKinds.insert("transferRejected")
        transferRejections[rejected.reason, default: 0] += 1
      case .commandRejected(let rejected):
        eventKinds.insert("commandRejected")
        commandRejections[rejected.reason, default: 0] += 1
      case .orderCanceled(let canceled):
        eventKinds.insert("orderCanceled")
        cancels[canceled.reason, default: 0] += 1
      }
    }
  }

  @Test func twoHundredThousandCommandsCoverEveryReason() {
    var exchange = ReferenceExchange()
    var outcomes = Outcomes()
    for (index, command) in Workload(seed: 2_024).prefix(200_000).enumerated() {
      for event in exchange.apply(command) {
        outcomes.count(event)
      }
      // Deep books late in a long run, checked now and then (every command is checked on smaller runs).
      if index % 1_000 == 999 {
        #expect(InvariantChecker().violations(of: exchange) == [], "after command #\(index)")
      }
    }
    #expect(
      outcomes.eventKinds
        == [
          "marketCreated", "deposited", "withdrawn", "transferRejected", "orderAccepted", "orderRejected",
          "trade",
          "orderFilled", "orderCanceled", "orderReduced", "commandRejected", "balanceChanged",
        ])
    let orderReasons: [RejectReason] = [
      .malformed, .unknownMarket, .invalidPrice, .invalidQuantity, .overflow, .duplicateId,
      .insufficientFunds,
      .wouldTake, .fillOrKillUnfillable, .unknownOrder,
    ]
    let transferReasons: [RejectReason] = [
      .malformed, .unknownAsset, .invalidQuantity, .overflow, .duplicateId, .insufficientFunds,
    ]
    for reason in orderReasons {
      #expect(
        outcomes.orderRejections[reason, default: 0] >= 20,
        "orderRejected \(reason.name)")
    }
    for reason in transferReasons {
      #expect(
        outcomes.transferRejections[reason, default: 0] >= 20,
        "transferRejected \(reason.name)")
    }
    #expect(outcomes.commandRejections[.malformed, default: 0] >= 20)
    #expect(outcomes.commandRejections[.marketExists, default: 0] >= 20)
    for reason in [CancelReason.user, .immediateOrCancel, .selfTrade, .budget, .cancelAll] {
      #expect(outcomes.cancels[reason, default: 0] >= 20, "orderCanceled \(reason.name)")
    }
    let everyReason = Set(outcomes.orderRejections.keys).union(outcomes.transferRejections.keys)
      .union(outcomes.commandRejections.keys)
    #expect(everyReason == Set(RejectReason.allCases).subtracting([.unspecified, .limitExceeded]))
  }
}
