import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogWire

/// The readable one-line form of a log record for `tradelog tail`:
/// `42  2025-06-01T10:00:00.123Z  command  placeOrder account 7 BTC-USD BUY LIMIT 10 @ 1000 (client 3)`.
struct RecordSummary {
  private let timestampFormatter: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter
  }()

  func line(for entry: LogTail.Entry) -> String {
    let date = Date(timeIntervalSince1970: Double(entry.record.timestampMilliseconds) / 1_000)
    let prefix = "\(entry.record.position)  \(timestampFormatter.string(from: date))  "
    switch entry.content {
    case .command(let command): return prefix + "command  " + Self.describe(command)
    case .eventBatch(let batch):
      return prefix + "events   seq \(batch.seq) for command \(batch.commandOffset): "
        + Self.describe(batch.events)
    }
  }

  static func describe(_ command: Command) -> String {
    switch command {
    case .createMarket(let market):
      "createMarket \(name(market.market)) (\(name(market.base))/\(name(market.quote)), lot \(market.lotSize), "
        + "tick \(market.tickSize), min \(market.minQuantity), fees \(market.makerFeeBps)/\(market.takerFeeBps) bps)"
    case .deposit(let transfer): "deposit " + describe(transfer)
    case .withdraw(let transfer): "withdraw " + describe(transfer)
    case .placeOrder(let order): "placeOrder " + describe(order)
    case .cancelOrder(let cancel):
      "cancelOrder account \(cancel.account) "
        + (cancel.orderId != 0 ? "order \(cancel.orderId)" : "client order \(cancel.clientOrderId)")
    case .cancelAll(let cancel):
      "cancelAll account \(cancel.account) in "
        + (cancel.market.isEmpty ? "all markets" : name(cancel.market))
    case .reduceOrder(let reduce):
      "reduceOrder account \(reduce.account) order \(reduce.orderId) by \(reduce.reduceBy)"
    case .unreadable: "unreadable (not a tradelog.v1 command; the sequencer rejects it as MALFORMED)"
    }
  }

  private static func describe(_ transfer: Transfer) -> String {
    "account \(transfer.account) \(transfer.amount) \(name(transfer.asset)) (transfer \(transfer.transferId))"
  }

  private static func describe(_ order: PlaceOrder) -> String {
    var text =
      "account \(order.account) \(name(order.market)) \(order.side.name) "
      + "\(order.type.name) \(order.quantity)"
    if order.type != .market || order.price != 0 { text += " @ \(order.price)" }
    if order.quoteBudget != 0 { text += " budget \(order.quoteBudget)" }
    if order.timeInForce != .unspecified { text += " \(order.timeInForce.name)" }
    if order.selfTrade != .unspecified { text += " \(order.selfTrade.name)" }
    return text + " (client \(order.clientOrderId))"
  }

  /// Event kinds in order, repeats counted: `orderAccepted, trade ×2, orderFilled, balanceChanged ×4`;
  /// rejections name their reason.
  static func describe(_ events: [Event]) -> String {
    guard !events.isEmpty else { return "no events" }
    var runs: [(name: String, count: Int)] = []
    for event in events {
      let name = kindName(event)
      if runs.last?.name == name {
        runs[runs.count - 1].count += 1
      } else {
        runs.append((name, 1))
      }
    }
    return runs.map { $0.count == 1 ? $0.name : "\($0.name) ×\($0.count)" }.joined(separator: ", ")
  }

  private static func kindName(_ event: Event) -> String {
    switch event {
    case .marketCreated: "marketCreated"
    case .deposited: "deposited"
    case .withdrawn: "withdrawn"
    case .transferRejected(let rejected): "transferRejected(\(rejected.reason.name))"
    case .orderAccepted: "orderAccepted"
    case .orderRejected(let rejected): "orderRejected(\(rejected.reason.name))"
    case .trade: "trade"
    case .orderFilled: "orderFilled"
    case .orderCanceled(let canceled): "orderCanceled(\(canceled.reason.name))"
    case .orderReduced: "orderReduced"
    case .commandRejected(let rejected): "commandRejected(\(rejected.reason.name))"
    case .balanceChanged: "balanceChanged"
    }
  }

  private static func name(_ symbol: Symbol) -> String { EventFormatting.name(of: symbol) }
}
