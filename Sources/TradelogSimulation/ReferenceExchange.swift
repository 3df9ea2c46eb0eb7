import TradelogCore

/// A deliberately naive model of the exchange rules (SEMANTICS.md and docs/exchange-rules.md),
/// written straight from the text to be obviously right rather than fast. Differential tests compare
/// the engine with it event by event; workloads use it to know which orders are open.
///
/// Each command is applied in three plain steps: validate in the documented order (the first failure
/// is the rejection), carry out the command while appending events in the order things happen, then
/// append one `balanceChanged` per (account, asset) whose balance differs from before the command.
public struct ReferenceExchange: ExchangeInspection, Sendable {
  /// SEMANTICS.md: a clientOrderId may not repeat one of the account's last 10,000 accepted orders.
  public static let clientOrderIdWindow = 10_000

  var marketsByName: [Symbol: ReferenceMarket] = [:]
  /// Every asset that exists (named by a created market), with Σ deposits − Σ withdrawals.
  var totalsByAsset: [Symbol: Int64] = [:]
  var accounts: [UInt64: ReferenceAccount] = [:]
  /// Where each resting order is, to find it in its book by (price, orderId).
  var restingOrders: [UInt64: RestingOrderLocation] = [:]
  var nextOrderId: UInt64 = 1
  var nextTradeId: UInt64 = 1

  /// The batch of the command being applied.
  var events: [Event] = []
  /// The balance of each (account, asset) the command touched, as it was before the command.
  var balancesBefore: [BalanceKey: Balance] = [:]

  public init() {}

  /// Applies one command and returns its batch of events.
  public mutating func apply(_ command: Command) -> [Event] {
    events = []
    balancesBefore = [:]
    switch command {
    case .createMarket(let request): createMarket(request)
    case .deposit(let transfer): deposit(transfer)
    case .withdraw(let transfer): withdraw(transfer)
    case .placeOrder(let order): placeOrder(order)
    case .cancelOrder(let cancel): cancelOrder(cancel)
    case .cancelAll(let cancel): cancelAll(cancel)
    case .reduceOrder(let reduce): reduceOrder(reduce)
    case .unreadable: events.append(.commandRejected(CommandRejected(reason: .malformed)))
    }
    appendBalanceChanges()
    let batch = events
    events = []
    return batch
  }

  /// Whether `name` is a valid market name. A market that exists was created with a valid name, so
  /// the character scan is needed only for names that are not a market (it is slow in debug builds).
  func isValidMarketName(_ name: Symbol) -> Bool {
    marketsByName[name] != nil || name.isValidMarketName
  }

  /// Whether `name` is a valid asset name; an asset that exists was named validly by its market.
  func isValidAssetName(_ name: Symbol) -> Bool {
    totalsByAsset[name] != nil || name.isValidAssetName
  }
}

/// What the model knows of one account beyond its orders.
struct ReferenceAccount {
  var balances: [Symbol: Balance] = [:]
  /// The account's resting orders, by the clientOrderId each was placed with (unique: a clientOrderId
  /// held by an open order is a DUPLICATE_ID).
  var openOrderIds: [UInt64: UInt64] = [:]
  var acceptedClientOrderIds = RecentIdentifierWindow(capacity: ReferenceExchange.clientOrderIdWindow)
  /// Every transferId of an accepted deposit or withdrawal, ever.
  var transferIds: Set<UInt64> = []
}

/// Where a resting order is: its book and its sort key there.
struct RestingOrderLocation {
  var account: UInt64
  var market: Symbol
  var side: Side
  var price: Int64
}

/// An (account, asset) pair, ordered as balance changes are sorted: by account, then asset bytes.
struct BalanceKey: Hashable, Comparable {
  var account: UInt64
  var asset: Symbol

  static func < (left: BalanceKey, right: BalanceKey) -> Bool {
    (left.account, left.asset) < (right.account, right.asset)
  }
}
