import TradelogCore
import TradelogWire

// The rows of the append-only tables, columns in table order (schemas/postgres/0001_tables.sql).
extension ProjectionFold {
  static func marketRow(_ market: CreateMarket, batch: EventBatchRecord) -> String {
    var row = CopyRow()
    row.add(market.market)
    row.add(market.base)
    row.add(market.quote)
    row.add(market.lotSize)
    row.add(market.tickSize)
    row.add(market.minQuantity)
    row.add(market.makerFeeBps)
    row.add(market.takerFeeBps)
    row.add(batch.seq)
    row.add(batch.timestamp)
    return row.text
  }

  static func transferRow(
    _ transfer: Transfer, kind: String, rejection: RejectReason?, batch: EventBatchRecord
  ) -> String {
    var row = CopyRow()
    row.add(batch.seq)
    row.add(transfer.account)
    row.add(transfer.asset)
    row.add(transfer.amount)
    row.add(transfer.transferId)
    row.add(name: kind)
    if let rejection { row.add(name: rejection.name) } else { row.addNull() }
    row.add(batch.timestamp)
    return row.text
  }

  static func tradeRow(_ trade: Trade, batch: EventBatchRecord) -> String {
    var row = CopyRow()
    row.add(trade.tradeId)
    row.add(batch.seq)
    row.add(trade.market)
    row.add(trade.price)
    row.add(trade.quantity)
    row.add(trade.makerOrderId)
    row.add(trade.takerOrderId)
    row.add(trade.makerAccount)
    row.add(trade.takerAccount)
    row.add(name: trade.takerSide.name)
    row.add(trade.makerFee)
    row.add(trade.takerFee)
    row.add(batch.timestamp)
    return row.text
  }

  static func orderRejectionRow(_ rejected: OrderRejected, batch: EventBatchRecord) -> String {
    var row = CopyRow()
    row.add(batch.seq)
    row.add(rejected.account)
    row.add(rejected.orderId)
    row.add(rejected.clientOrderId)
    row.add(rejected.market)
    row.add(name: rejected.reason.name)
    row.add(batch.timestamp)
    return row.text
  }

  static func commandRejectionRow(_ rejected: CommandRejected, batch: EventBatchRecord) -> String {
    var row = CopyRow()
    row.add(batch.seq)
    row.add(name: rejected.reason.name)
    if let market = rejected.createMarket?.market { row.add(market) } else { row.addNull() }
    row.add(batch.timestamp)
    return row.text
  }
}
