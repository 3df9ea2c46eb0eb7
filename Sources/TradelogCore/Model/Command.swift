/// One command record of the command log, as the engine reads it.
///
/// Commands carry what the record said, valid or not: validation is the engine's, so that every
/// rejection is an event that reports what could be read. Numbers a record left out are 0; names it
/// left out are `Symbol.empty`.
public enum Command: Sendable, Equatable {
  case createMarket(CreateMarket)
  case deposit(Transfer)
  case withdraw(Transfer)
  case placeOrder(PlaceOrder)
  case cancelOrder(CancelOrder)
  case cancelAll(CancelAll)
  case reduceOrder(ReduceOrder)
  /// A record that is not a known command at all (bytes that do not decode, an empty record, a
  /// command kind this version does not know).
  case unreadable
}

/// A market and its parameters; also the payload of `marketCreated`.
public struct CreateMarket: Sendable, Equatable {
  public var market: Symbol
  public var base: Symbol
  public var quote: Symbol
  /// Base minor units in one lot.
  public var lotSize: Int64
  /// Prices are positive multiples of this many quote minor units.
  public var tickSize: Int64
  /// The smallest order, in lots.
  public var minQuantity: Int64
  public var makerFeeBps: Int32
  public var takerFeeBps: Int32

  public init(
    market: Symbol, base: Symbol, quote: Symbol, lotSize: Int64, tickSize: Int64, minQuantity: Int64,
    makerFeeBps: Int32, takerFeeBps: Int32
  ) {
    self.market = market
    self.base = base
    self.quote = quote
    self.lotSize = lotSize
    self.tickSize = tickSize
    self.minQuantity = minQuantity
    self.makerFeeBps = makerFeeBps
    self.takerFeeBps = takerFeeBps
  }
}

/// A deposit or a withdrawal; also the payload of `deposited` and `withdrawn`.
public struct Transfer: Sendable, Equatable {
  public var account: UInt64
  public var asset: Symbol
  /// Minor units of the asset.
  public var amount: Int64
  /// The caller's idempotency key: used once per account, ever.
  public var transferId: UInt64

  public init(account: UInt64, asset: Symbol, amount: Int64, transferId: UInt64) {
    self.account = account
    self.asset = asset
    self.amount = amount
    self.transferId = transferId
  }
}

public struct PlaceOrder: Sendable, Equatable {
  public var account: UInt64
  public var clientOrderId: UInt64
  public var market: Symbol
  public var side: Side
  public var type: OrderType
  /// Quote minor units per lot; LIMIT orders only.
  public var price: Int64
  /// Lots.
  public var quantity: Int64
  /// The most a MARKET BUY may spend, fees included, in quote minor units; MARKET BUY only.
  public var quoteBudget: Int64
  public var timeInForce: TimeInForce
  public var selfTrade: SelfTradePrevention

  public init(
    account: UInt64, clientOrderId: UInt64, market: Symbol, side: Side, type: OrderType,
    price: Int64 = 0, quantity: Int64, quoteBudget: Int64 = 0,
    timeInForce: TimeInForce = .unspecified, selfTrade: SelfTradePrevention = .unspecified
  ) {
    self.account = account
    self.clientOrderId = clientOrderId
    self.market = market
    self.side = side
    self.type = type
    self.price = price
    self.quantity = quantity
    self.quoteBudget = quoteBudget
    self.timeInForce = timeInForce
    self.selfTrade = selfTrade
  }
}

/// Cancels one open order, named by exactly one of `orderId` and `clientOrderId` (0 = not given).
public struct CancelOrder: Sendable, Equatable {
  public var account: UInt64
  public var orderId: UInt64
  public var clientOrderId: UInt64

  public init(account: UInt64, orderId: UInt64 = 0, clientOrderId: UInt64 = 0) {
    self.account = account
    self.orderId = orderId
    self.clientOrderId = clientOrderId
  }
}

/// Cancels every open order of the account in `market`, or in all markets when it is empty.
public struct CancelAll: Sendable, Equatable {
  public var account: UInt64
  public var market: Symbol

  public init(account: UInt64, market: Symbol = .empty) {
    self.account = account
    self.market = market
  }
}

/// Lowers an open order's quantity by `reduceBy` lots, keeping its place in the queue.
public struct ReduceOrder: Sendable, Equatable {
  public var account: UInt64
  public var orderId: UInt64
  public var reduceBy: Int64

  public init(account: UInt64, orderId: UInt64, reduceBy: Int64) {
    self.account = account
    self.orderId = orderId
    self.reduceBy = reduceBy
  }
}
