// Read-only views of engine state, for checkers, tests, the replay tool and projections' tests.
// They are plain values, built on request (they allocate): never on the matching path.

public struct Balance: Sendable, Equatable {
  public var available: Int64
  public var held: Int64

  public init(available: Int64, held: Int64) {
    self.available = available
    self.held = held
  }

  public static let zero = Balance(available: 0, held: 0)
}

/// One (account, asset) balance, as listed in ascending (account, asset) order.
public struct AccountBalance: Sendable, Equatable {
  public var account: UInt64
  public var asset: Symbol
  public var balance: Balance

  public init(account: UInt64, asset: Symbol, balance: Balance) {
    self.account = account
    self.asset = asset
    self.balance = balance
  }
}

/// An order resting in a book.
public struct OpenOrder: Sendable, Equatable {
  public var orderId: UInt64
  public var account: UInt64
  public var clientOrderId: UInt64
  public var market: Symbol
  public var side: Side
  public var price: Int64
  /// Open quantity in lots.
  public var remaining: Int64
  /// What the order holds now: quote units for a buy, base units for a sell.
  public var held: Int64

  public init(
    orderId: UInt64, account: UInt64, clientOrderId: UInt64, market: Symbol, side: Side, price: Int64,
    remaining: Int64, held: Int64
  ) {
    self.orderId = orderId
    self.account = account
    self.clientOrderId = clientOrderId
    self.market = market
    self.side = side
    self.price = price
    self.remaining = remaining
    self.held = held
  }
}

/// One price level of a book: the total open quantity and number of orders at `price`.
public struct BookLevel: Sendable, Equatable {
  public var price: Int64
  public var quantity: Int64
  public var orderCount: Int

  public init(price: Int64, quantity: Int64, orderCount: Int) {
    self.price = price
    self.quantity = quantity
    self.orderCount = orderCount
  }
}

/// The best `depth` levels of one market's book: bids from the highest price down, asks from the
/// lowest up.
public struct BookDepth: Sendable, Equatable {
  public var market: Symbol
  public var bids: [BookLevel]
  public var asks: [BookLevel]

  public init(market: Symbol, bids: [BookLevel], asks: [BookLevel]) {
    self.market = market
    self.bids = bids
    self.asks = asks
  }
}

/// What every correct implementation of SEMANTICS.md can be asked about its state. The engine and the
/// naive reference model both conform, so checkers and differential tests compare them through it.
public protocol ExchangeInspection {
  /// Markets in ascending name order.
  var markets: [CreateMarket] { get }
  /// Every (account, asset) that has ever held a non-zero balance, account 0 (fees) included, in
  /// ascending (account, asset) order.
  var balances: [AccountBalance] { get }
  /// Every resting order, in ascending orderId order.
  var openOrders: [OpenOrder] { get }
  /// The best `depth` levels of a market's book (empty for an unknown market).
  func book(market: Symbol, depth: Int) -> BookDepth
  /// Per asset, Σ accepted deposits − Σ accepted withdrawals, in ascending asset order.
  var assetTotals: [(asset: Symbol, total: Int64)] { get }
}
