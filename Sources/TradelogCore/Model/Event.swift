/// One thing that happened while the engine applied a command. A command's events form its batch, in
/// the order SEMANTICS.md fixes: acceptance or rejection first, then trades, fills and cancels as
/// matching proceeds, then the balance changes sorted by account and asset.
public enum Event: Sendable, Equatable {
  case marketCreated(CreateMarket)
  case deposited(Transfer)
  case withdrawn(Transfer)
  case transferRejected(TransferRejected)
  case orderAccepted(OrderAccepted)
  case orderRejected(OrderRejected)
  case trade(Trade)
  case orderFilled(OrderFilled)
  case orderCanceled(OrderCanceled)
  case orderReduced(OrderReduced)
  case commandRejected(CommandRejected)
  case balanceChanged(BalanceChanged)
}

public struct TransferRejected: Sendable, Equatable {
  public var transfer: Transfer
  /// True for a rejected withdrawal, false for a rejected deposit.
  public var isWithdrawal: Bool
  public var reason: RejectReason

  public init(transfer: Transfer, isWithdrawal: Bool, reason: RejectReason) {
    self.transfer = transfer
    self.isWithdrawal = isWithdrawal
    self.reason = reason
  }
}

public struct OrderAccepted: Sendable, Equatable {
  public var orderId: UInt64
  public var account: UInt64
  public var clientOrderId: UInt64
  public var market: Symbol
  public var side: Side
  public var type: OrderType
  /// 0 for a MARKET order.
  public var price: Int64
  public var quantity: Int64
  /// As applied: GTC filled in for a LIMIT order that left it out, IOC for every MARKET order.
  public var timeInForce: TimeInForce

  public init(
    orderId: UInt64, account: UInt64, clientOrderId: UInt64, market: Symbol, side: Side,
    type: OrderType, price: Int64, quantity: Int64, timeInForce: TimeInForce
  ) {
    self.orderId = orderId
    self.account = account
    self.clientOrderId = clientOrderId
    self.market = market
    self.side = side
    self.type = type
    self.price = price
    self.quantity = quantity
    self.timeInForce = timeInForce
  }
}

/// A placeOrder, cancelOrder, reduceOrder or cancelAll that was rejected. It names the order as the
/// command did (clientOrderId for a placement, orderId or clientOrderId for a cancel or reduce) and
/// the market as named, or, for a cancel or reduce of a known order, that order's market.
public struct OrderRejected: Sendable, Equatable {
  public var account: UInt64
  public var orderId: UInt64
  public var clientOrderId: UInt64
  public var market: Symbol
  public var reason: RejectReason

  public init(account: UInt64, orderId: UInt64, clientOrderId: UInt64, market: Symbol, reason: RejectReason) {
    self.account = account
    self.orderId = orderId
    self.clientOrderId = clientOrderId
    self.market = market
    self.reason = reason
  }
}

public struct Trade: Sendable, Equatable {
  public var tradeId: UInt64
  public var market: Symbol
  /// The resting (maker) order's price.
  public var price: Int64
  public var quantity: Int64
  public var makerOrderId: UInt64
  public var takerOrderId: UInt64
  public var makerAccount: UInt64
  public var takerAccount: UInt64
  public var takerSide: Side
  public var makerFee: Int64
  public var takerFee: Int64

  public init(
    tradeId: UInt64, market: Symbol, price: Int64, quantity: Int64, makerOrderId: UInt64,
    takerOrderId: UInt64, makerAccount: UInt64, takerAccount: UInt64, takerSide: Side, makerFee: Int64,
    takerFee: Int64
  ) {
    self.tradeId = tradeId
    self.market = market
    self.price = price
    self.quantity = quantity
    self.makerOrderId = makerOrderId
    self.takerOrderId = takerOrderId
    self.makerAccount = makerAccount
    self.takerAccount = takerAccount
    self.takerSide = takerSide
    self.makerFee = makerFee
    self.takerFee = takerFee
  }
}

public struct OrderFilled: Sendable, Equatable {
  public var orderId: UInt64
  public var account: UInt64

  public init(orderId: UInt64, account: UInt64) {
    self.orderId = orderId
    self.account = account
  }
}

public struct OrderCanceled: Sendable, Equatable {
  public var orderId: UInt64
  public var account: UInt64
  /// The open quantity, in lots, when the order was cancelled.
  public var remaining: Int64
  public var reason: CancelReason

  public init(orderId: UInt64, account: UInt64, remaining: Int64, reason: CancelReason) {
    self.orderId = orderId
    self.account = account
    self.remaining = remaining
    self.reason = reason
  }
}

public struct OrderReduced: Sendable, Equatable {
  public var orderId: UInt64
  public var account: UInt64
  /// The open quantity, in lots, after the reduction.
  public var remaining: Int64

  public init(orderId: UInt64, account: UInt64, remaining: Int64) {
    self.orderId = orderId
    self.account = account
    self.remaining = remaining
  }
}

/// A record that is not a known command, or a rejected createMarket (then `createMarket` carries
/// what it asked for).
public struct CommandRejected: Sendable, Equatable {
  public var reason: RejectReason
  public var createMarket: CreateMarket?

  public init(reason: RejectReason, createMarket: CreateMarket? = nil) {
    self.reason = reason
    self.createMarket = createMarket
  }
}

/// The new balance of one (account, asset) that the command changed.
public struct BalanceChanged: Sendable, Equatable {
  public var account: UInt64
  public var asset: Symbol
  public var available: Int64
  public var held: Int64

  public init(account: UInt64, asset: Symbol, available: Int64, held: Int64) {
    self.account = account
    self.asset = asset
    self.available = available
    self.held = held
  }
}
