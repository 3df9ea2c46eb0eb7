import SwiftProtobuf
import Testing
import TradelogCore
import TradelogWire

@Suite struct CommandDecoderTests {
  static let btcUsd = WireSamples.btcUsd

  /// Commands written the way SEMANTICS.md writes them: spaces, 64-bit integers as JSON numbers.
  static let semanticsExamples: [Sample<SemanticsExample>] = [
    Sample(
      "placeOrder",
      SemanticsExample(
        json: #"{"placeOrder": {"account": 7, "clientOrderId": 1, "market": "BTC-USD", "side": "BUY", "#
          + #""type": "LIMIT", "price": 6512300, "quantity": 3, "timeInForce": "GTC", "selfTrade": "CANCEL_TAKER"}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: 1, market: btcUsd, side: .buy, type: .limit, price: 6_512_300,
            quantity: 3,
            timeInForce: .goodTillCanceled, selfTrade: .cancelTaker)))),
    Sample(
      "placeOrder.strings",
      SemanticsExample(
        json:
          #"{"placeOrder": {"account": "7", "clientOrderId": "18446744073709551615", "market": "BTC-USD", "#
          + #""side": "SELL", "type": "MARKET", "quantity": "-3", "timeInForce": "IOC", "selfTrade": "ALLOW"}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: .max, market: btcUsd, side: .sell, type: .market, quantity: -3,
            timeInForce: .immediateOrCancel, selfTrade: .allow)))),
    Sample(
      "placeOrder.allEnumerationNames",
      SemanticsExample(
        json: #"{"placeOrder": {"account": 7, "clientOrderId": 2, "market": "BTC-USD", "side": "BUY", "#
          + #""type": "LIMIT", "price": 100, "quantity": 1, "timeInForce": "POST_ONLY", "selfTrade": "CANCEL_BOTH"}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: 2, market: btcUsd, side: .buy, type: .limit, price: 100, quantity: 1,
            timeInForce: .postOnly, selfTrade: .cancelBoth)))),
    Sample(
      "placeOrder.fillOrKill",
      SemanticsExample(
        json: #"{"placeOrder": {"account": 7, "clientOrderId": 3, "market": "BTC-USD", "side": "BUY", "#
          + #""type": "LIMIT", "price": 100, "quantity": 1, "timeInForce": "FOK", "selfTrade": "CANCEL_MAKER"}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: 3, market: btcUsd, side: .buy, type: .limit, price: 100, quantity: 1,
            timeInForce: .fillOrKill, selfTrade: .cancelMaker)))),
    Sample(
      "placeOrder.leftOutEnumerations",
      SemanticsExample(
        json: #"{"placeOrder": {"account": 7, "clientOrderId": 4, "market": "BTC-USD", "quantity": 5}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: 4, market: btcUsd, side: .unspecified, type: .unspecified, quantity: 5,
            timeInForce: .unspecified, selfTrade: .unspecified)))),
    Sample(
      "placeOrder.empty",
      SemanticsExample(
        json: #"{"placeOrder": {}}"#,
        command: .placeOrder(
          PlaceOrder(
            account: 0, clientOrderId: 0, market: .empty, side: .unspecified, type: .unspecified, quantity: 0)
        ))),
    Sample(
      "createMarket",
      SemanticsExample(
        json: #"{"createMarket": {"market": "BTC-USD", "base": "BTC", "quote": "USD", "lotSize": 1000000, "#
          + #""tickSize": "100", "minQuantity": 1, "makerFeeBps": 10, "takerFeeBps": 25}}"#,
        command: .createMarket(WireSamples.market))),
    Sample(
      "deposit",
      SemanticsExample(
        json: #"{"deposit": {"account": 7, "asset": "USD", "amount": 9223372036854775807, "transferId": 1}}"#,
        command: .deposit(Transfer(account: 7, asset: WireSamples.usd, amount: .max, transferId: 1)))),
    Sample(
      "withdraw",
      SemanticsExample(
        json: #"{"withdraw": {"account": 7, "asset": "BTC", "amount": "5000000", "transferId": "2"}}"#,
        command: .withdraw(Transfer(account: 7, asset: WireSamples.btc, amount: 5_000_000, transferId: 2)))),
    Sample(
      "cancelOrder",
      SemanticsExample(
        json: #"{"cancelOrder": {"account": 7, "orderId": 1234}}"#,
        command: .cancelOrder(CancelOrder(account: 7, orderId: 1_234)))),
    Sample(
      "cancelAll",
      SemanticsExample(
        json: #"{"cancelAll": {"account": 7}}"#, command: .cancelAll(CancelAll(account: 7)))),
    Sample(
      "reduceOrder",
      SemanticsExample(
        json: "{\"reduceOrder\": {\"account\": 7, \"orderId\": 1234, \"reduceBy\": 2}}\r",
        command: .reduceOrder(ReduceOrder(account: 7, orderId: 1_234, reduceBy: 2)))),
  ]

  struct SemanticsExample: Sendable {
    let json: String
    let command: Command
  }

  @Test(arguments: semanticsExamples)
  func jsonAsSemanticsWritesItDecodes(_ example: Sample<SemanticsExample>) {
    #expect(CommandDecoder.decode(jsonLine: example.value.json) == example.value.command)
    #expect(CommandDecoder.decode(jsonUTF8: Array(example.value.json.utf8)) == example.value.command)
  }

  @Test(arguments: [
    "", " ", "\t", "  \r", "null", "7", "\"placeOrder\"", "[]", #"[{"cancelAll": {"account": 7}}]"#, "{",
    "{}", #"{"cancelAll": {"account": 7}"#, #"{"cancelAll": {"account": 7}} x"#,
    #"{"cancelAll": {"account": 7}}{"cancelAll": {"account": 8}}"#,
    #"{"cancelAll": null}"#, #"{"cancelAll": 7}"#, #"{"shutdown": {}}"#,
    #"{"cancelAll": {"account": 7, "acount": 8}}"#, #"{"placeOrder": {"side": "BYU"}}"#,
    #"{"placeOrder": {"side": "buy"}}"#, #"{"cancelAll": {"account": -1}}"#,
    #"{"cancelAll": {"account": 18446744073709551616}}"#, #"{"cancelAll": {"account": 1.5}}"#,
    #"{"deposit": {"account": 7}, "withdraw": {"account": 7}}"#,
  ])
  func jsonThatIsNotOneCommandIsUnreadable(_ line: String) {
    #expect(CommandDecoder.decode(jsonLine: line) == .unreadable)
    #expect(CommandDecoder.decode(jsonUTF8: Array(line.utf8)) == .unreadable)
  }

  @Test func invalidUTF8InJSONIsUnreadable() {
    let bytes =
      Array(#"{"cancelAll": {"account": 7, "market": "B"#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8)
    #expect(CommandDecoder.decode(jsonUTF8: bytes) == .unreadable)
  }

  @Test(
    arguments: [
      [], [0xFF], [0xFF, 0xFF, 0xFF, 0xFF], [0x00], [0x22, 0x05, 0x08], [0x0A, 0x80],
      Array(repeating: 0x80, count: 11), [0x42, 0x00], [0x43],
    ] as [[UInt8]])
  func bytesThatAreNotACommandAreUnreadable(_ bytes: [UInt8]) {
    #expect(CommandDecoder.decode(bytes) == .unreadable)
    #expect(bytes.withUnsafeBytes { CommandDecoder.decode($0) } == .unreadable)
  }

  @Test func emptyBufferIsUnreadable() {
    #expect(CommandDecoder.decode(UnsafeRawBufferPointer(start: nil, count: 0)) == .unreadable)
  }

  /// The only top-level field is the command, so every proper prefix cuts it short.
  @Test(arguments: WireSamples.commands.filter { $0.value != .unreadable })
  func everyTruncationIsUnreadable(_ sample: Sample<Command>) {
    let bytes = CommandEncoder.encode(sample.value)
    for count in 0..<bytes.count {
      #expect(CommandDecoder.decode(Array(bytes.prefix(count))) == .unreadable, "first \(count) bytes")
    }
  }

  @Test(arguments: WireSamples.commands)
  func bufferAndArrayDecodeAlike(_ sample: Sample<Command>) {
    let bytes = CommandEncoder.encode(sample.value)
    #expect(bytes.withUnsafeBytes { CommandDecoder.decode($0) } == sample.value)
  }

  @Test func stringFieldWithInvalidUTF8IsUnreadable() throws {
    var message = Tradelog_V1_Command()
    message.cancelAll.account = 7
    message.cancelAll.market = "BTC-USD"
    var bytes: [UInt8] = try message.serializedBytes()
    let marketStart = try #require(bytes.firstIndex(of: UInt8(ascii: "B")))
    bytes[marketStart] = 0xFF
    #expect(CommandDecoder.decode(bytes) == .unreadable)
  }

  @Test func unknownFieldsAreIgnored() throws {
    var message = Tradelog_V1_Command()
    message.reduceOrder = Tradelog_V1_ReduceOrder()
    message.reduceOrder.account = 7
    message.reduceOrder.orderID = 1_234
    message.reduceOrder.reduceBy = 2
    var bytes: [UInt8] = try message.serializedBytes()
    // Field 15 (varint 1) inside reduceOrder, and field 20 (varint 1) at the top level.
    bytes[1] += 2
    bytes.append(contentsOf: [0x78, 0x01])
    bytes.append(contentsOf: [0xA0, 0x01, 0x01])
    #expect(
      CommandDecoder.decode(bytes) == .reduceOrder(ReduceOrder(account: 7, orderId: 1_234, reduceBy: 2)))
  }

  /// Numbers that none of the command enumerations assigns (all stop at 4).
  @Test(arguments: [5, 9, 254, 255, 1_000, -1, Int(Int32.max), Int(Int32.min)])
  func unknownEnumerationNumbersAreUnrecognized(_ number: Int) throws {
    var message = Tradelog_V1_Command()
    message.placeOrder.account = 7
    message.placeOrder.clientOrderID = 1
    message.placeOrder.market = "BTC-USD"
    message.placeOrder.side = .UNRECOGNIZED(number)
    message.placeOrder.type = .UNRECOGNIZED(number)
    message.placeOrder.timeInForce = .UNRECOGNIZED(number)
    message.placeOrder.selfTrade = .UNRECOGNIZED(number)
    message.placeOrder.quantity = 1
    let expected = Command.placeOrder(
      PlaceOrder(
        account: 7, clientOrderId: 1, market: Self.btcUsd, side: .unrecognized, type: .unrecognized,
        quantity: 1,
        timeInForce: .unrecognized, selfTrade: .unrecognized))
    #expect(CommandDecoder.decode(try message.serializedBytes() as [UInt8]) == expected)
    #expect(CommandDecoder.decode(jsonLine: try message.jsonString()) == expected)
  }

  @Test func enumerationNumbersAreAcceptedInJSON() {
    let command = CommandDecoder.decode(
      jsonLine: #"{"placeOrder": {"account": 7, "side": 2, "type": 1, "timeInForce": 9, "selfTrade": 0}}"#)
    #expect(
      command
        == .placeOrder(
          PlaceOrder(
            account: 7, clientOrderId: 0, market: .empty, side: .sell, type: .limit, quantity: 0,
            timeInForce: .unrecognized, selfTrade: .unspecified)))
  }

  @Test(arguments: [
    Sample("25 bytes", "BTC-USD-BTC-USD-BTC-USD-X"),
    Sample("zero byte", "BTC\u{0}USD"),
    Sample("26 letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    Sample("13 two-byte characters", String(repeating: "é", count: 13)),
  ])
  func namesThatDoNotFitAreUnreadable(_ name: Sample<String>) throws {
    let expected = Command.cancelAll(CancelAll(account: 7, market: .unreadable))
    var message = Tradelog_V1_Command()
    message.cancelAll.account = 7
    message.cancelAll.market = name.value
    #expect(CommandDecoder.decode(try message.serializedBytes() as [UInt8]) == expected)
    #expect(CommandDecoder.decode(jsonLine: try message.jsonString()) == expected)
  }

  @Test func nameOfTwentyFourBytesFits() throws {
    let name = "BTC-USD-BTC-USD-BTC-USD-"
    let command = CommandDecoder.decode(jsonLine: #"{"cancelAll": {"account": 7, "market": "\#(name)"}}"#)
    #expect(command == .cancelAll(CancelAll(account: 7, market: try #require(Symbol(name)))))
  }

  @Test func lastCommandOfARecordWithTwoWins() throws {
    // Binary protobuf lets a later oneof member replace an earlier one; JSON forbids two.
    var bytes = CommandEncoder.encode(.cancelAll(CancelAll(account: 7)))
    bytes += CommandEncoder.encode(.cancelAll(CancelAll(account: 8)))
    #expect(CommandDecoder.decode(bytes) == .cancelAll(CancelAll(account: 8)))
  }
}
