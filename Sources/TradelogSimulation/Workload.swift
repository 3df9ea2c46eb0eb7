import TradelogCore

/// A seeded, endless stream of commands, realistic and adversarial: markets and deposits first, then
/// limit and market orders around a moving mid price per market, cancels, reduces, transfers, and a
/// small rate of malformed and edge-case commands (`WorkloadConfiguration` sets the mix).
///
/// The stream is a pure function of the seed and the configuration. To aim cancels and reduces at
/// orders that are really open, and to keep the books bounded, the workload applies each command it
/// yields to its own `ReferenceExchange` (its "shadow"): it never needs anything back from the engine
/// under test.
public struct Workload: IteratorProtocol, Sequence, Sendable {
  public let seed: UInt64
  public let configuration: WorkloadConfiguration
  /// How many commands have been yielded so far.
  public private(set) var commandCount = 0
  /// What the reference model answered to the command just yielded: a differential test may compare
  /// the engine's batch with it instead of running a second reference model.
  public private(set) var lastBatch: [Event] = []
  /// The reference model's state after the command just yielded, for state comparisons.
  public var reference: ReferenceExchange { shadow }

  var random: SimulationRandom
  /// The exchange as the commands yielded so far leave it.
  var shadow = ReferenceExchange()
  var markets: [WorkloadMarket]
  /// The assets the markets name, each once, in first-named order.
  let assetNames: [Symbol]
  var accounts: [WorkloadAccount]
  /// The commands that open the workload (markets, then deposits), yielded before any drawn command.
  private var opening: [Command] = []
  /// The most recently accepted orders, open or not, to name orders that have just ended.
  var recentOrders: [(orderId: UInt64, account: UInt64, clientOrderId: UInt64)] = []
  static let recentOrdersKept = 64
  /// The transferIds each account used lately, to reuse one now and then (DUPLICATE_ID).
  static let recentIdentifiersKept = 16

  public init(seed: UInt64, configuration: WorkloadConfiguration = .standard) {
    self.seed = seed
    self.configuration = configuration
    random = SimulationRandom(seed: seed)
    markets = (0..<configuration.marketCount).map { Self.plannedMarket(index: $0) }
    assetNames = Self.assetNames(of: markets)
    accounts = (1...configuration.accountCount).map { WorkloadAccount(account: UInt64($0)) }
    for index in markets.indices {
      markets[index].midTicks = 1_000 + random.inRange(0...9_000)
    }
    opening = markets.map { .createMarket($0.parameters) } + initialDeposits()
    opening.reverse()
  }

  public mutating func next() -> Command? {
    let command = opening.popLast() ?? drawCommand()
    commandCount += 1
    lastBatch = shadow.apply(command)
    remember(lastBatch)
    return command
  }

  private mutating func drawCommand() -> Command {
    switch random.weightedIndex(configuration.mix.weights) {
    case 0: return limitOrder()
    case 1: return marketOrder()
    case 2: return cancelOrder()
    case 3: return reduceOrder()
    case 4: return cancelAll()
    case 5: return deposit()
    case 6: return withdrawal()
    case 7: return badCreateMarket()
    default: return edgeCase()
    }
  }

  private mutating func remember(_ events: [Event]) {
    for case .orderAccepted(let accepted) in events {
      recentOrders.append((accepted.orderId, accepted.account, accepted.clientOrderId))
      if recentOrders.count > Self.recentOrdersKept {
        recentOrders.removeFirst()
      }
    }
  }

  /// Every account receives every asset once at the start; one account in seven is poor, so that
  /// INSUFFICIENT_FUNDS happens in the normal flow too.
  private mutating func initialDeposits() -> [Command] {
    var deposits: [Command] = []
    for index in accounts.indices {
      let isPoor = index % 7 == 6
      for asset in assetNames {
        let amount =
          isPoor
          ? 1_000 + random.inRange(0...100_000) : 10_000_000_000_000 + random.inRange(0...1_000_000_000_000)
        deposits.append(
          .deposit(
            Transfer(
              account: accounts[index].account, asset: asset, amount: amount,
              transferId: accounts[index].freshTransferId())))
      }
    }
    return deposits
  }

  /// The assets the planned markets name, each once, in first-named order.
  static func assetNames(of markets: [WorkloadMarket]) -> [Symbol] {
    var names: [Symbol] = []
    for market in markets {
      for asset in [market.parameters.base, market.parameters.quote] where !names.contains(asset) {
        names.append(asset)
      }
    }
    return names
  }

  // MARK: - Shared choices

  mutating func randomAccountIndex() -> Int {
    random.index(below: accounts.count)
  }

  mutating func randomMarketIndex() -> Int {
    random.index(below: markets.count)
  }

  /// A random open order of a market, from the shadow's book.
  mutating func randomOpenOrder(inMarket index: Int) -> ReferenceOrder? {
    guard let book = shadow.marketsByName[markets[index].parameters.market], book.openOrderCount > 0 else {
      return nil
    }
    let position = random.index(below: book.openOrderCount)
    return position < book.bids.count ? book.bids[position] : book.asks[position - book.bids.count]
  }

  /// A random open order of any market, if any market has one.
  mutating func randomOpenOrder() -> ReferenceOrder? {
    let first = randomMarketIndex()
    for offset in markets.indices {
      if let order = randomOpenOrder(inMarket: (first + offset) % markets.count) { return order }
    }
    return nil
  }

  /// An account other than `account` (the same one when there is only one).
  mutating func otherAccount(than account: UInt64) -> UInt64 {
    guard accounts.count > 1 else { return account }
    let offset = UInt64(1 + random.index(below: accounts.count - 1))
    return (account - 1 + offset) % UInt64(accounts.count) + 1
  }
}

/// What the workload tracks of one account to choose its ids.
struct WorkloadAccount {
  let account: UInt64
  var nextClientOrderId: UInt64 = 1
  var nextTransferId: UInt64 = 1
  var recentTransferIds: [UInt64] = []

  init(account: UInt64) {
    self.account = account
  }

  mutating func freshClientOrderId() -> UInt64 {
    defer { nextClientOrderId += 1 }
    return nextClientOrderId
  }

  mutating func freshTransferId() -> UInt64 {
    let transferId = nextTransferId
    nextTransferId += 1
    recentTransferIds.append(transferId)
    if recentTransferIds.count > Workload.recentIdentifiersKept {
      recentTransferIds.removeFirst()
    }
    return transferId
  }
}
