import SwiftProtobuf
import Testing
import TradelogCore
import TradelogWire

/// The core declares that its enumerations' raw values are the protobuf numbers of the schema; the
/// wire module maps them case by case. These tests check that both agree for every case: a case
/// mapped to the wrong name would put another number on the wire than the core means.
@Suite struct EnumerationsWireTests {
  static func placeOrder(
    side: Side = .buy, type: OrderType = .limit, timeInForce: TimeInForce = .unspecified,
    selfTrade: SelfTradePrevention = .unspecified
  ) throws -> Tradelog_V1_PlaceOrder {
    let command = Command.placeOrder(
      PlaceOrder(
        account: 7, clientOrderId: 1, market: WireSamples.btcUsd, side: side, type: type, price: 100,
        quantity: 1, timeInForce: timeInForce, selfTrade: selfTrade))
    return try Tradelog_V1_Command(serializedBytes: CommandEncoder.encode(command)).placeOrder
  }

  static func wireEvent(_ event: Event) throws -> Tradelog_V1_Event {
    let record = EventBatchRecord(seq: 1, commandOffset: 0, timestamp: 0, events: [event])
    return try #require(try Tradelog_V1_EventBatch(serializedBytes: record.serializedBytes()).events.first)
  }

  @Test(arguments: Side.allCases.filter { $0 != .unrecognized })
  func sideNumbers(_ side: Side) throws {
    #expect(try Self.placeOrder(side: side).side.rawValue == Int(side.rawValue))
  }

  @Test(arguments: OrderType.allCases.filter { $0 != .unrecognized })
  func orderTypeNumbers(_ type: OrderType) throws {
    #expect(try Self.placeOrder(type: type).type.rawValue == Int(type.rawValue))
  }

  @Test(arguments: TimeInForce.allCases.filter { $0 != .unrecognized })
  func timeInForceNumbers(_ timeInForce: TimeInForce) throws {
    #expect(try Self.placeOrder(timeInForce: timeInForce).timeInForce.rawValue == Int(timeInForce.rawValue))
  }

  @Test(arguments: SelfTradePrevention.allCases.filter { $0 != .unrecognized })
  func selfTradeNumbers(_ selfTrade: SelfTradePrevention) throws {
    #expect(try Self.placeOrder(selfTrade: selfTrade).selfTrade.rawValue == Int(selfTrade.rawValue))
  }

  @Test(arguments: RejectReason.allCases)
  func rejectReasonNumbers(_ reason: RejectReason) throws {
    let event = try Self.wireEvent(.commandRejected(CommandRejected(reason: reason)))
    #expect(event.commandRejected.reason.rawValue == Int(reason.rawValue))
  }

  @Test(arguments: CancelReason.allCases)
  func cancelReasonNumbers(_ reason: CancelReason) throws {
    let event = try Self.wireEvent(
      .orderCanceled(OrderCanceled(orderId: 1, account: 7, remaining: 1, reason: reason)))
    #expect(event.orderCanceled.reason.rawValue == Int(reason.rawValue))
  }

  /// The JSON names are SEMANTICS.md's, whatever the core calls the cases.
  @Test func jsonNamesAreThoseOfSemantics() throws {
    let order = try Self.placeOrder(
      side: .sell, type: .market, timeInForce: .immediateOrCancel, selfTrade: .allow)
    #expect(
      try order.jsonString()
        == #"{"account":"7","clientOrderId":"1","market":"BTC-USD","side":"SELL","type":"MARKET","price":"100","#
        + #""quantity":"1","timeInForce":"IOC","selfTrade":"ALLOW"}"#)
    let reasons = try CancelReason.allCases.map { reason in
      try Self.wireEvent(.orderCanceled(OrderCanceled(orderId: 1, account: 7, remaining: 1, reason: reason)))
        .orderCanceled.jsonString()
    }
    #expect(reasons.map { $0.contains(#""reason":"#) } == [false, true, true, true, true, true])
    #expect(reasons.last?.hasSuffix(#""reason":"CANCEL_ALL"}"#) == true)
    #expect(reasons[2].hasSuffix(#""reason":"IOC"}"#))
    let rejected = try Self.wireEvent(.commandRejected(CommandRejected(reason: .fillOrKillUnfillable)))
    #expect(try rejected.jsonString() == #"{"commandRejected":{"reason":"FOK_UNFILLABLE"}}"#)
  }
}
