/// The engine's state and its logic, in one object that `Engine` owns and copies on write.
///
/// Why a class behind a struct: the state lives in `Column`s (unsafe pointers, no per-access
/// uniqueness checks), which something must free exactly once — this object's `deinit` — and which a
/// copy of an `Engine` must not share while mutating. `Engine.apply` copies the core first unless
/// the `Engine` holds the only reference, as `Array` does with its buffer. Stored properties are
/// `@exclusivity(unchecked)`: every access happens on the thread that owns the `Engine` value, inside
/// one command, and the dynamic checks would cost more than the work on the matching path.
final class EngineCore: @unchecked Sendable {
  let limits: EngineLimits

  @exclusivity(unchecked) var marketStates = Column<MarketState>()
  @exclusivity(unchecked) var marketIndex = HashIndex<NameKey, Int32>()
  @exclusivity(unchecked) var ledger = Ledger()
  @exclusivity(unchecked) var accounts = AccountRegistry()
  @exclusivity(unchecked) var books = OrderBooks()
  @exclusivity(unchecked) var nextOrderId: UInt64 = 1
  @exclusivity(unchecked) var nextTradeId: UInt64 = 1
  /// The timestamp of the last batch: batches' timestamps never decrease.
  @exclusivity(unchecked) var lastTimestamp: Int64 = .min
  /// The last market looked up by name: a stream of orders mostly names one market, and comparing
  /// three words is cheaper than hashing them. Not state: a cache of `marketIndex`.
  @exclusivity(unchecked) var lastMarketName = Symbol.empty
  @exclusivity(unchecked) var lastMarketIndex: Int32 = -1

  init(limits: EngineLimits) {
    if let problem = limits.problem { preconditionFailure("unusable EngineLimits: \(problem)") }
    self.limits = limits
  }

  deinit {
    marketStates.deallocate()
    marketIndex.deallocate()
    ledger.deallocate()
    accounts.deallocate()
    books.deallocate()
  }

  /// A separate copy of the whole state.
  func copy() -> EngineCore {
    let copy = EngineCore(limits: limits)
    copy.marketStates.deallocate()
    copy.marketStates = marketStates.duplicated()
    copy.marketIndex.deallocate()
    copy.marketIndex = marketIndex.duplicated()
    copy.ledger.deallocate()
    copy.ledger = ledger.duplicated()
    copy.accounts.deallocate()
    copy.accounts = accounts.duplicated()
    copy.books.deallocate()
    copy.books = books.duplicated()
    copy.nextOrderId = nextOrderId
    copy.nextTradeId = nextTradeId
    copy.lastTimestamp = lastTimestamp
    return copy
  }

  @inline(__always)
  func apply(_ command: Command, timestamp: Int64, into batch: inout EventBuffer) {
    lastTimestamp = max(lastTimestamp, timestamp)
    batch.begin(timestamp: lastTimestamp)
    switch command {
    case .createMarket(let parameters): createMarket(parameters, into: &batch)
    case .deposit(let transfer): deposit(transfer, into: &batch)
    case .withdraw(let transfer): withdraw(transfer, into: &batch)
    case .placeOrder: placeOrder(command, into: &batch)
    case .cancelOrder(let cancel): cancelOrder(cancel, into: &batch)
    case .cancelAll(let cancel): cancelAll(cancel, into: &batch)
    case .reduceOrder(let reduce): reduceOrder(reduce, into: &batch)
    case .unreadable: batch.append(.commandRejected(CommandRejected(reason: .malformed)))
    }
  }

  /// The account's id, for events.
  @inline(__always)
  func accountId(_ account: Int32) -> UInt64 { accounts[account].id }
}

/// Why a command is rejected, thrown by the validation steps of a command (typed, so nothing is
/// boxed or allocated).
struct Rejection: Error {
  var reason: RejectReason

  static let malformed = Rejection(reason: .malformed)
  static let unknownMarket = Rejection(reason: .unknownMarket)
  static let unknownAsset = Rejection(reason: .unknownAsset)
  static let unknownOrder = Rejection(reason: .unknownOrder)
  static let invalidPrice = Rejection(reason: .invalidPrice)
  static let invalidQuantity = Rejection(reason: .invalidQuantity)
  static let overflow = Rejection(reason: .overflow)
  static let duplicateId = Rejection(reason: .duplicateId)
  static let insufficientFunds = Rejection(reason: .insufficientFunds)
  static let wouldTake = Rejection(reason: .wouldTake)
  static let fillOrKillUnfillable = Rejection(reason: .fillOrKillUnfillable)
  static let limitExceeded = Rejection(reason: .limitExceeded)
}
