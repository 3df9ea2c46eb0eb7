import TradelogCore

/// The `order_events` rows of a range of batches, as Native columns: one row per order lifecycle
/// event (accepted, rejected, filled, canceled, reduced). Fields an event does not carry are zero,
/// empty or NONE; a fill, cancel or reduce names no market (join on the order's ACCEPTED row).
struct OrderEventRows: Sendable {
  private enum Kind: UInt8 {
    case accepted = 1
    case rejected = 2
    case filled = 3
    case canceled = 4
    case reduced = 5
  }

  private var seq = NativeColumn(name: "seq", type: ColumnType.uint64)
  private var eventIndex = NativeColumn(name: "event_index", type: ColumnType.uint32)
  private var timestamp = NativeColumn(name: "timestamp_ms", type: ColumnType.int64)
  private var kind = NativeColumn(name: "kind", type: ColumnType.orderEventKind)
  private var orderId = NativeColumn(name: "order_id", type: ColumnType.uint64)
  private var account = NativeColumn(name: "account", type: ColumnType.uint64)
  private var clientOrderId = NativeColumn(name: "client_order_id", type: ColumnType.uint64)
  private var market = NativeColumn(name: "market", type: ColumnType.string)
  private var side = NativeColumn(name: "side", type: ColumnType.side)
  private var orderType = NativeColumn(name: "order_type", type: ColumnType.orderType)
  private var timeInForce = NativeColumn(name: "time_in_force", type: ColumnType.timeInForce)
  private var price = NativeColumn(name: "price", type: ColumnType.int64)
  private var quantity = NativeColumn(name: "quantity", type: ColumnType.int64)
  private var remaining = NativeColumn(name: "remaining", type: ColumnType.int64)
  private var reason = NativeColumn(name: "reason", type: ColumnType.string)

  var count: Int { seq.count }

  mutating func append(_ accepted: OrderAccepted, at place: EventPlace) {
    appendCommon(.accepted, orderId: accepted.orderId, account: accepted.account, at: place)
    clientOrderId.append(accepted.clientOrderId)
    market.append(accepted.market)
    side.appendEnum8(accepted.side.rawValue)
    orderType.appendEnum8(accepted.type.rawValue)
    timeInForce.appendEnum8(accepted.timeInForce.rawValue)
    price.append(accepted.price)
    quantity.append(accepted.quantity)
    remaining.append(accepted.quantity)
    reason.append("")
  }

  mutating func append(_ rejected: OrderRejected, at place: EventPlace) {
    appendCommon(.rejected, orderId: rejected.orderId, account: rejected.account, at: place)
    clientOrderId.append(rejected.clientOrderId)
    market.append(rejected.market)
    appendNoOrderDetails(remaining: 0, reason: rejected.reason.name)
  }

  mutating func append(_ filled: OrderFilled, at place: EventPlace) {
    appendCommon(.filled, orderId: filled.orderId, account: filled.account, at: place)
    appendNoClientOrderIdOrMarket()
    appendNoOrderDetails(remaining: 0, reason: "")
  }

  mutating func append(_ canceled: OrderCanceled, at place: EventPlace) {
    appendCommon(.canceled, orderId: canceled.orderId, account: canceled.account, at: place)
    appendNoClientOrderIdOrMarket()
    appendNoOrderDetails(remaining: canceled.remaining, reason: canceled.reason.name)
  }

  mutating func append(_ reduced: OrderReduced, at place: EventPlace) {
    appendCommon(.reduced, orderId: reduced.orderId, account: reduced.account, at: place)
    appendNoClientOrderIdOrMarket()
    appendNoOrderDetails(remaining: reduced.remaining, reason: "")
  }

  func nativeBlock() -> [UInt8] {
    NativeBlock.encode([
      seq, eventIndex, timestamp, kind, orderId, account, clientOrderId, market, side, orderType,
      timeInForce, price, quantity, remaining, reason,
    ])
  }

  private mutating func appendCommon(_ kind: Kind, orderId: UInt64, account: UInt64, at place: EventPlace) {
    seq.append(place.seq)
    eventIndex.append(place.index)
    timestamp.append(place.timestamp)
    self.kind.appendEnum8(kind.rawValue)
    self.orderId.append(orderId)
    self.account.append(account)
  }

  private mutating func appendNoClientOrderIdOrMarket() {
    clientOrderId.append(UInt64(0))
    market.append("")
  }

  private mutating func appendNoOrderDetails(remaining: Int64, reason: String) {
    side.appendEnum8(0)
    orderType.appendEnum8(0)
    timeInForce.appendEnum8(0)
    price.append(Int64(0))
    quantity.append(Int64(0))
    self.remaining.append(remaining)
    self.reason.append(reason)
  }
}
