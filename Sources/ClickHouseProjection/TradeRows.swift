import TradelogCore

/// The `trades` rows of a range of batches, as Native columns.
struct TradeRows: Sendable {
  private var market = NativeColumn(name: "market", type: ColumnType.string)
  private var timestamp = NativeColumn(name: "timestamp_ms", type: ColumnType.int64)
  private var tradeId = NativeColumn(name: "trade_id", type: ColumnType.uint64)
  private var seq = NativeColumn(name: "seq", type: ColumnType.uint64)
  private var eventIndex = NativeColumn(name: "event_index", type: ColumnType.uint32)
  private var price = NativeColumn(name: "price", type: ColumnType.int64)
  private var quantity = NativeColumn(name: "quantity", type: ColumnType.int64)
  private var notional = NativeColumn(name: "notional", type: ColumnType.int64)
  private var makerOrderId = NativeColumn(name: "maker_order_id", type: ColumnType.uint64)
  private var takerOrderId = NativeColumn(name: "taker_order_id", type: ColumnType.uint64)
  private var makerAccount = NativeColumn(name: "maker_account", type: ColumnType.uint64)
  private var takerAccount = NativeColumn(name: "taker_account", type: ColumnType.uint64)
  private var takerSide = NativeColumn(name: "taker_side", type: ColumnType.takerSide)
  private var makerFee = NativeColumn(name: "maker_fee", type: ColumnType.int64)
  private var takerFee = NativeColumn(name: "taker_fee", type: ColumnType.int64)

  var count: Int { seq.count }

  mutating func append(_ trade: Trade, at place: EventPlace) {
    market.append(trade.market)
    timestamp.append(place.timestamp)
    tradeId.append(trade.tradeId)
    seq.append(place.seq)
    eventIndex.append(place.index)
    price.append(trade.price)
    quantity.append(trade.quantity)
    // The engine checked at placement that price × quantity fits Int64 for the order, and a fill is
    // never larger than the order: a trade's notional always fits.
    notional.append(trade.price * trade.quantity)
    makerOrderId.append(trade.makerOrderId)
    takerOrderId.append(trade.takerOrderId)
    makerAccount.append(trade.makerAccount)
    takerAccount.append(trade.takerAccount)
    takerSide.appendEnum8(trade.takerSide.rawValue)
    makerFee.append(trade.makerFee)
    takerFee.append(trade.takerFee)
  }

  func nativeBlock() -> [UInt8] {
    NativeBlock.encode([
      market, timestamp, tradeId, seq, eventIndex, price, quantity, notional, makerOrderId, takerOrderId,
      makerAccount, takerAccount, takerSide, makerFee, takerFee,
    ])
  }
}
