import Testing
import TradelogCore
@_spi(WireReference) import TradelogWire

/// The corners of the wire format where SwiftProtobuf's binary decoder has rules of its own, each
/// read through the direct decoders and through the reference path, which must agree with each
/// other and with the result written here.
@Suite struct WireReaderTests {
  // Encoding helpers: a test spells out its bytes.

  static func varint(_ value: UInt64) -> [UInt8] { WireMutator.varintBytes(value) }
  static func tag(_ fieldNumber: UInt64, _ wireType: UInt8) -> [UInt8] {
    WireMutator.tag(fieldNumber, wireType)
  }
  static func field(_ fieldNumber: UInt64, _ value: UInt64) -> [UInt8] { tag(fieldNumber, 0) + varint(value) }
  static func message(_ fieldNumber: UInt64, _ body: [UInt8]) -> [UInt8] {
    tag(fieldNumber, 2) + varint(UInt64(body.count)) + body
  }
  static func text(_ fieldNumber: UInt64, _ text: String) -> [UInt8] {
    message(fieldNumber, Array(text.utf8))
  }

  /// cancelAll (command field 6) for account 7.
  static let cancelAll = message(6, field(1, 7))
  static let cancelAllCommand = Command.cancelAll(CancelAll(account: 7))

  static func groups(_ fieldNumber: UInt64, depth: Int) -> [UInt8] {
    Array(repeating: tag(fieldNumber, 3), count: depth).flatMap { $0 }
      + Array(repeating: tag(fieldNumber, 4), count: depth).flatMap { $0 }
  }

  static func placeOrder(_ body: [UInt8]) -> [UInt8] { message(4, body) }

  static func order(account: UInt64 = 0, clientOrderId: UInt64 = 0, side: Side = .unspecified) -> Command {
    .placeOrder(
      PlaceOrder(
        account: account, clientOrderId: clientOrderId, market: .empty, side: side, type: .unspecified,
        quantity: 0))
  }

  static let commandCases: [Sample<CommandCase>] = [
    Sample(
      "ten-byte varint, bits past 64 dropped",
      CommandCase(
        message(6, tag(1, 0) + Array(repeating: 0xFF, count: 9) + [0x7F]),
        .cancelAll(CancelAll(account: .max)))),
    Sample(
      "eleven-byte varint",
      CommandCase(message(6, tag(1, 0) + Array(repeating: 0xFF, count: 10) + [0x01]), .unreadable)),
    Sample(
      "varint with a needless zero byte", CommandCase(message(6, tag(1, 0) + [0x87, 0x00]), cancelAllCommand)),
    Sample(
      "enumeration number past 32 bits", CommandCase(placeOrder(field(4, 1 << 32 | 1)), order(side: .buy))),
    Sample(
      "negative enumeration number", CommandCase(placeOrder(field(4, .max)), order(side: .unrecognized))),
    Sample("five-byte tag", CommandCase([0xF8, 0xFF, 0xFF, 0xFF, 0x0F, 0x01] + cancelAll, cancelAllCommand)),
    Sample(
      "five-byte tag ending above 15",
      CommandCase([0xF8, 0xFF, 0xFF, 0xFF, 0x10, 0x01] + cancelAll, .unreadable)),
    Sample(
      "six-byte tag in a message",
      CommandCase([0x88, 0x80, 0x80, 0x80, 0x80, 0x00, 0x05] + cancelAll, .unreadable)),
    Sample(
      "six-byte tag in a group",
      CommandCase(
        tag(20, 3) + [0x88, 0x80, 0x80, 0x80, 0x80, 0x00, 0x05] + tag(20, 4) + cancelAll, cancelAllCommand)),
    Sample("groups 99 deep in the record", CommandCase(groups(20, depth: 99) + cancelAll, cancelAllCommand)),
    Sample("groups 100 deep in the record", CommandCase(groups(20, depth: 100) + cancelAll, .unreadable)),
    Sample(
      "groups 98 deep in a command",
      CommandCase(message(6, field(1, 7) + groups(9, depth: 98)), cancelAllCommand)),
    Sample(
      "groups 99 deep in a command", CommandCase(message(6, field(1, 7) + groups(9, depth: 99)), .unreadable)),
    Sample("group ended by another field", CommandCase(tag(20, 3) + tag(21, 4) + cancelAll, .unreadable)),
    Sample("group end without a group", CommandCase(cancelAll + tag(20, 4), .unreadable)),
    Sample("group cut short", CommandCase(cancelAll + tag(20, 3) + field(1, 1), .unreadable)),
    Sample("wire type 6", CommandCase(cancelAll + tag(20, 6), .unreadable)),
    Sample("wire type 7", CommandCase(cancelAll + tag(20, 7), .unreadable)),
    Sample("field number 0", CommandCase(cancelAll + [0x02, 0x00], .unreadable)),
    Sample(
      "known field of another wire type",
      CommandCase(
        placeOrder(tag(1, 1) + Array(repeating: 7, count: 8) + field(2, 5)), order(clientOrderId: 5))),
    Sample("command field as a varint", CommandCase(cancelAll + field(4, 5), cancelAllCommand)),
    Sample("command field as a varint alone", CommandCase(field(4, 5), .unreadable)),
    Sample(
      "command repeated is merged",
      CommandCase(
        placeOrder(field(1, 7)) + placeOrder(field(2, 9)), order(account: 7, clientOrderId: 9))),
    Sample(
      "another command replaces",
      CommandCase(
        placeOrder(field(1, 7)) + cancelAll + placeOrder(field(2, 9)), order(clientOrderId: 9))),
    Sample("empty command", CommandCase(placeOrder([]), order())),
    Sample(
      "last value of a field wins", CommandCase(placeOrder(field(1, 7) + field(1, 8)), order(account: 8))),
    Sample(
      "invalid UTF-8 later replaced",
      CommandCase(
        message(6, message(2, [0xC3, 0x28]) + text(2, "BTC")), .unreadable)),
    Sample(
      "invalid UTF-8 in a long name",
      CommandCase(
        message(6, message(2, Array(repeating: 0x41, count: 30) + [0xFF])), .unreadable)),
    Sample("UTF-8 of a surrogate", CommandCase(message(6, message(2, [0xED, 0xA0, 0x80])), .unreadable)),
    Sample("overlong UTF-8", CommandCase(message(6, message(2, [0xC0, 0x80])), .unreadable)),
    Sample(
      "two-byte UTF-8",
      CommandCase(
        message(6, field(1, 7) + text(2, "é")), .cancelAll(CancelAll(account: 7, market: Symbol("é")!)))),
    Sample(
      "zero byte in a name",
      CommandCase(
        message(6, field(1, 7) + text(2, "A\u{0}")), .cancelAll(CancelAll(account: 7, market: .unreadable)))),
    Sample("length past the end", CommandCase(tag(6, 2) + varint(3) + field(1, 7), .unreadable)),
    Sample("length of 2 GiB", CommandCase(cancelAll + tag(6, 2) + varint(0x7FFF_FFFF), .unreadable)),
    Sample(
      "unknown fields of every wire type",
      CommandCase(
        message(
          6,
          tag(9, 5) + [1, 2, 3, 4] + tag(10, 1) + Array(repeating: 0, count: 8) + text(11, "x")
            + groups(12, depth: 2)
            + field(13, 1) + field(1, 7)) + tag(99, 5) + [1, 2, 3, 4], cancelAllCommand)),
    Sample("unknown fixed64 cut short", CommandCase(cancelAll + tag(20, 1) + [1, 2, 3], .unreadable)),
    Sample(
      "unknown length-delimited cut short", CommandCase(cancelAll + tag(20, 2) + varint(5) + [1], .unreadable)
    ),
  ]

  struct CommandCase: Sendable {
    let bytes: [UInt8]
    let command: Command

    init(_ bytes: [UInt8], _ command: Command) {
      self.bytes = bytes
      self.command = command
    }
  }

  @Test(arguments: commandCases)
  func commandCornerDecodesAlikeThroughBothPaths(_ sample: Sample<CommandCase>) {
    let (direct, reference) = CommandBinaryDecodingTests.decodeBothWays(sample.value.bytes)
    #expect(reference == sample.value.command, "the reference path")
    #expect(direct == sample.value.command, "the direct decoder")
  }

  // Event batches: field 4 holds an event.

  static func event(_ kind: UInt64, _ body: [UInt8]) -> [UInt8] { message(4, message(kind, body)) }

  static let market = CreateMarket(
    market: Symbol("A")!, base: Symbol("B")!, quote: .empty, lotSize: 0, tickSize: 0, minQuantity: 0,
    makerFeeBps: 0, takerFeeBps: 0)

  enum Expected: Sendable {
    case events([Event])
    case undecodable
    case error(WireDecodingError)
  }

  struct BatchCase: Sendable {
    let bytes: [UInt8]
    let expected: Expected

    init(_ bytes: [UInt8], _ expected: Expected) {
      self.bytes = bytes
      self.expected = expected
    }
  }

  static let batchCases: [Sample<BatchCase>] = [
    Sample(
      "optional message repeated is merged",
      BatchCase(
        event(11, field(1, 12) + message(2, text(1, "A")) + message(2, text(2, "B"))),
        .events([.commandRejected(CommandRejected(reason: .marketExists, createMarket: market))]))),
    Sample(
      "empty optional message is present",
      BatchCase(
        event(11, field(1, 1) + message(2, [])),
        .events([.commandRejected(CommandRejected(reason: .malformed, createMarket: .wireDefaultForTests))]))),
    Sample(
      "event kind repeated is merged",
      BatchCase(
        message(4, message(9, field(1, 5) + field(4, 99)) + message(9, field(4, 1))),
        .events([.orderCanceled(OrderCanceled(orderId: 5, account: 0, remaining: 0, reason: .user))]))),
    Sample(
      "unknown number judged on the merged event",
      BatchCase(
        message(4, message(9, field(4, 1)) + message(9, field(4, 99))),
        .error(.unknownEnumerationNumber(field: "events[0].orderCanceled.reason", number: 99)))),
    Sample(
      "another kind replaces",
      BatchCase(
        message(4, message(9, field(4, 99)) + message(8, field(1, 3))),
        .events([.orderFilled(OrderFilled(orderId: 3, account: 0))]))),
    Sample(
      "event kind of another wire type",
      BatchCase(message(4, field(8, 3)), .error(.unknownEventKind(index: 0)))),
    Sample(
      "unknown kind before bytes that are not a message",
      BatchCase(
        message(4, []) + tag(5, 2) + varint(40), .undecodable)),
    Sample(
      "second wrong event is not the one named",
      BatchCase(
        event(8, []) + message(4, []) + event(9, field(4, 99)),
        .error(.unknownEventKind(index: 1)))),
    Sample(
      "events field as a varint",
      BatchCase(
        field(4, 1) + event(8, field(1, 3)),
        .events([.orderFilled(OrderFilled(orderId: 3, account: 0))]))),
    Sample("chain hash repeated", BatchCase(message(5, [1, 2]) + message(5, []), .events([]))),
  ]

  @Test(arguments: batchCases)
  func batchCornerDecodesAlikeThroughBothPaths(_ sample: Sample<BatchCase>) {
    let (direct, reference) = EventBatchRecordBinaryDecodingTests.decodeBothWays(sample.value.bytes)
    let expected: EventBatchRecordBinaryDecodingTests.Outcome
    switch sample.value.expected {
    case .events(let events):
      expected = .record(EventBatchRecord(seq: 0, commandOffset: 0, timestamp: 0, events: events))
    case .undecodable: expected = .undecodable
    case .error(let error): expected = .wrongEvent(error)
    }
    #expect(reference == expected, "the reference path")
    #expect(direct == expected, "the direct decoder")
  }

  @Test func undecodableBatchSaysWhereItWentWrong() throws {
    let bytes = Self.field(1, 3) + Self.tag(5, 2) + Self.varint(40)
    #expect(
      throws: WireDecodingError.undecodable(reason: "the field at byte 3 runs past the end of its message")
    ) {
      try EventBatchRecord(serializedBytes: bytes)
    }
  }
}

extension CreateMarket {
  fileprivate static let wireDefaultForTests = CreateMarket(
    market: .empty, base: .empty, quote: .empty, lotSize: 0, tickSize: 0, minQuantity: 0, makerFeeBps: 0,
    takerFeeBps: 0)
}
