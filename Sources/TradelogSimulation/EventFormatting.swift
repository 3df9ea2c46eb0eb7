import TradelogCore

/// One-line renderings of commands and events for failure messages, with the field names of
/// SEMANTICS.md and the upper-case enum names of the wire:
/// `seed 17, command #1234 placeOrder(...): expected [...], found [...]`.
public enum EventFormatting {
  public static func describe(_ event: Event) -> String {
    switch event {
    case .marketCreated(let market): "marketCreated(\(fields(of: market)))"
    case .deposited(let transfer): "deposited(\(fields(of: transfer)))"
    case .withdrawn(let transfer): "withdrawn(\(fields(of: transfer)))"
    case .transferRejected(let rejected):
      "transferRejected(\(rejected.isWithdrawal ? "withdraw" : "deposit"), \(fields(of: rejected.transfer)), "
        + "reason: \(rejected.reason.name))"
    case .orderAccepted(let order):
      "orderAccepted(orderId: \(order.orderId), account: \(order.account), clientOrderId: \(order.clientOrderId), "
        + "market: \(name(of: order.market)), side: \(order.side.name), type: \(order.type.name), "
        + "price: \(order.price), quantity: \(order.quantity), timeInForce: \(order.timeInForce.name))"
    case .orderRejected(let rejected):
      "orderRejected(account: \(rejected.account), orderId: \(rejected.orderId), "
        + "clientOrderId: \(rejected.clientOrderId), market: \(name(of: rejected.market)), "
        + "reason: \(rejected.reason.name))"
    case .trade(let trade):
      "trade(tradeId: \(trade.tradeId), market: \(name(of: trade.market)), price: \(trade.price), "
        + "quantity: \(trade.quantity), makerOrderId: \(trade.makerOrderId), takerOrderId: \(trade.takerOrderId), "
        + "makerAccount: \(trade.makerAccount), takerAccount: \(trade.takerAccount), "
        + "takerSide: \(trade.takerSide.name), makerFee: \(trade.makerFee), takerFee: \(trade.takerFee))"
    case .orderFilled(let filled): "orderFilled(orderId: \(filled.orderId), account: \(filled.account))"
    case .orderCanceled(let canceled):
      "orderCanceled(orderId: \(canceled.orderId), account: \(canceled.account), "
        + "remaining: \(canceled.remaining), reason: \(canceled.reason.name))"
    case .orderReduced(let reduced):
      "orderReduced(orderId: \(reduced.orderId), account: \(reduced.account), remaining: \(reduced.remaining))"
    case .commandRejected(let rejected):
      "commandRejected(reason: \(rejected.reason.name)"
        + (rejected.createMarket.map { ", createMarket(\(fields(of: $0)))" } ?? "") + ")"
    case .balanceChanged(let change):
      "balanceChanged(account: \(change.account), asset: \(name(of: change.asset)), "
        + "available: \(change.available), held: \(change.held))"
    }
  }

  /// A batch as `[event, event, …]`.
  public static func describe(_ events: [Event]) -> String {
    "[" + events.map(describe).joined(separator: ", ") + "]"
  }

  public static func describe(_ command: Command) -> String {
    switch command {
    case .createMarket(let market): "createMarket(\(fields(of: market)))"
    case .deposit(let transfer): "deposit(\(fields(of: transfer)))"
    case .withdraw(let transfer): "withdraw(\(fields(of: transfer)))"
    case .placeOrder(let order):
      "placeOrder(account: \(order.account), clientOrderId: \(order.clientOrderId), market: \(name(of: order.market)), "
        + "side: \(order.side.name), type: \(order.type.name), price: \(order.price), "
        + "quantity: \(order.quantity), quoteBudget: \(order.quoteBudget), "
        + "timeInForce: \(order.timeInForce.name), selfTrade: \(order.selfTrade.name))"
    case .cancelOrder(let cancel):
      "cancelOrder(account: \(cancel.account), orderId: \(cancel.orderId), clientOrderId: \(cancel.clientOrderId))"
    case .cancelAll(let cancel): "cancelAll(account: \(cancel.account), market: \(name(of: cancel.market)))"
    case .reduceOrder(let reduce):
      "reduceOrder(account: \(reduce.account), orderId: \(reduce.orderId), reduceBy: \(reduce.reduceBy))"
    case .unreadable: "unreadable"
    }
  }

  /// What a differential test prints when two implementations disagree on a command's batch: where
  /// to reproduce it, the command, the first event that differs, and both batches whole.
  public static func mismatch(
    seed: UInt64, commandIndex: Int, command: Command, expected: [Event], found: [Event]
  ) -> String {
    let firstDifference =
      zip(expected, found).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? Swift.min(expected.count, found.count)
    return "seed \(seed), command #\(commandIndex) \(describe(command)): "
      + "first difference at event \(firstDifference); expected \(describe(expected)), found \(describe(found))"
  }

  /// A name as it reads, or in quotes when it is empty or holds anything but `A–Z 0–9 -`.
  public static func name(of symbol: Symbol) -> String {
    symbol.isValidMarketName ? symbol.description : "\"\(symbol.description)\""
  }

  private static func fields(of market: CreateMarket) -> String {
    "market: \(name(of: market.market)), base: \(name(of: market.base)), quote: \(name(of: market.quote)), "
      + "lotSize: \(market.lotSize), tickSize: \(market.tickSize), minQuantity: \(market.minQuantity), "
      + "makerFeeBps: \(market.makerFeeBps), takerFeeBps: \(market.takerFeeBps)"
  }

  private static func fields(of transfer: Transfer) -> String {
    "account: \(transfer.account), asset: \(name(of: transfer.asset)), amount: \(transfer.amount), "
      + "transferId: \(transfer.transferId)"
  }
}
