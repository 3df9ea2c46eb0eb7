import SwiftProtobuf
import Testing
import TradelogCore
import TradelogWire

@Suite struct CommandEncoderTests {
  @Test(arguments: WireSamples.commands)
  func binaryRoundTrip(_ sample: Sample<Command>) {
    #expect(CommandDecoder.decode(CommandEncoder.encode(sample.value)) == sample.value)
  }

  @Test(arguments: WireSamples.commands)
  func jsonRoundTrip(_ sample: Sample<Command>) {
    let json = CommandEncoder.encodeJSON(sample.value)
    #expect(!json.contains("\n"))
    #expect(CommandDecoder.decode(jsonLine: json) == sample.value)
  }

  @Test func jsonUsesTheNamesOfSemantics() {
    let json = CommandEncoder.encodeJSON(
      .placeOrder(
        PlaceOrder(
          account: 7, clientOrderId: 1, market: WireSamples.btcUsd, side: .buy, type: .market, quantity: 3,
          quoteBudget: 70_000_000, timeInForce: .immediateOrCancel, selfTrade: .cancelTaker)))
    #expect(
      json
        == #"{"placeOrder":{"account":"7","clientOrderId":"1","market":"BTC-USD","side":"BUY","type":"MARKET","#
        + #""quantity":"3","quoteBudget":"70000000","timeInForce":"IOC","selfTrade":"CANCEL_TAKER"}}"#)
  }

  @Test func fieldsHoldingTheirDefaultAreLeftOut() {
    let json = CommandEncoder.encodeJSON(.cancelOrder(CancelOrder(account: 7, clientOrderId: 1)))
    #expect(json == #"{"cancelOrder":{"account":"7","clientOrderId":"1"}}"#)
  }

  @Test func unreadableIsAnEmptyRecord() {
    #expect(CommandEncoder.encode(.unreadable) == [])
    #expect(CommandEncoder.encodeJSON(.unreadable) == "{}")
  }

  /// A command carrying a number the schema does not know re-encodes to one that decodes equal, so
  /// decode(encode(decode(bytes))) == decode(bytes) for any bytes.
  @Test func unrecognizedEnumerationsReencodeAsTheReservedNumber() throws {
    let command = Command.placeOrder(
      PlaceOrder(
        account: 7, clientOrderId: 1, market: WireSamples.btcUsd, side: .unrecognized, type: .unrecognized,
        price: 100, quantity: 1, timeInForce: .unrecognized, selfTrade: .unrecognized))
    let bytes = CommandEncoder.encode(command)
    let message = try Tradelog_V1_Command(serializedBytes: bytes)
    #expect(message.placeOrder.side == .UNRECOGNIZED(255))
    #expect(message.placeOrder.type == .UNRECOGNIZED(255))
    #expect(message.placeOrder.timeInForce == .UNRECOGNIZED(255))
    #expect(message.placeOrder.selfTrade == .UNRECOGNIZED(255))
    #expect(CommandDecoder.decode(bytes) == command)
    #expect(CommandDecoder.decode(jsonLine: CommandEncoder.encodeJSON(command)) == command)
  }

  @Test func unreadableNamesRoundTrip() {
    let command = Command.cancelAll(CancelAll(account: 7, market: .unreadable))
    #expect(CommandDecoder.decode(CommandEncoder.encode(command)) == command)
    #expect(CommandEncoder.encodeJSON(command) == #"{"cancelAll":{"account":"7","market":"?"}}"#)
  }
}
