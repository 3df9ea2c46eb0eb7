import TradelogCore

// tradelog.v1.Command read straight into core commands, with exactly the results of decoding a
// `Tradelog_V1_Command` and converting it (`init(wire:)`), which the tests hold it to: proto3's
// defaults, the last value of a field wins, a command kind repeated is merged into the one before
// and another kind replaces it, an enumeration number the schema does not know is `unrecognized`.

extension Command {
  /// Reads a whole record; a record with no command set is `unreadable`.
  init(reading reader: inout WireReader) throws(WireReader.Failure) {
    var command = Command.unreadable
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited):
        command = .createMarket(try reader.readMessage(mergingInto: command.createMarketPayload))
      case (2, .lengthDelimited):
        command = .deposit(try reader.readMessage(mergingInto: command.depositPayload))
      case (3, .lengthDelimited):
        command = .withdraw(try reader.readMessage(mergingInto: command.withdrawPayload))
      case (4, .lengthDelimited):
        command = .placeOrder(try reader.readMessage(mergingInto: command.placeOrderPayload))
      case (5, .lengthDelimited):
        command = .cancelOrder(try reader.readMessage(mergingInto: command.cancelOrderPayload))
      case (6, .lengthDelimited):
        command = .cancelAll(try reader.readMessage(mergingInto: command.cancelAllPayload))
      case (7, .lengthDelimited):
        command = .reduceOrder(try reader.readMessage(mergingInto: command.reduceOrderPayload))
      default: try reader.skip(tag)
      }
    }
    self = command
  }

  // The payload of a oneof member, to merge the same member into when it appears again.

  private var createMarketPayload: CreateMarket? {
    if case .createMarket(let payload) = self { payload } else { nil }
  }

  private var depositPayload: Transfer? {
    if case .deposit(let payload) = self { payload } else { nil }
  }

  private var withdrawPayload: Transfer? {
    if case .withdraw(let payload) = self { payload } else { nil }
  }

  private var placeOrderPayload: PlaceOrder? {
    if case .placeOrder(let payload) = self { payload } else { nil }
  }

  private var cancelOrderPayload: CancelOrder? {
    if case .cancelOrder(let payload) = self { payload } else { nil }
  }

  private var cancelAllPayload: CancelAll? {
    if case .cancelAll(let payload) = self { payload } else { nil }
  }

  private var reduceOrderPayload: ReduceOrder? {
    if case .reduceOrder(let payload) = self { payload } else { nil }
  }
}

extension CreateMarket: WireMergeable {
  static var wireDefault: CreateMarket {
    CreateMarket(
      market: .empty, base: .empty, quote: .empty, lotSize: 0, tickSize: 0, minQuantity: 0, makerFeeBps: 0,
      takerFeeBps: 0)
  }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .lengthDelimited): market = try reader.readSymbol()
      case (2, .lengthDelimited): base = try reader.readSymbol()
      case (3, .lengthDelimited): quote = try reader.readSymbol()
      case (4, .varint): lotSize = try reader.readInt64()
      case (5, .varint): tickSize = try reader.readInt64()
      case (6, .varint): minQuantity = try reader.readInt64()
      case (7, .varint): makerFeeBps = try reader.readInt32()
      case (8, .varint): takerFeeBps = try reader.readInt32()
      default: try reader.skip(tag)
      }
    }
  }
}

extension Transfer: WireMergeable {
  static var wireDefault: Transfer { Transfer(account: 0, asset: .empty, amount: 0, transferId: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .lengthDelimited): asset = try reader.readSymbol()
      case (3, .varint): amount = try reader.readInt64()
      case (4, .varint): transferId = try reader.readVarint()
      default: try reader.skip(tag)
      }
    }
  }
}

extension PlaceOrder: WireMergeable {
  static var wireDefault: PlaceOrder {
    PlaceOrder(
      account: 0, clientOrderId: 0, market: .empty, side: .unspecified, type: .unspecified, quantity: 0)
  }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .varint): clientOrderId = try reader.readVarint()
      case (3, .lengthDelimited): market = try reader.readSymbol()
      case (4, .varint): side = Side(wireNumber: try reader.readInt32())
      case (5, .varint): type = OrderType(wireNumber: try reader.readInt32())
      case (6, .varint): price = try reader.readInt64()
      case (7, .varint): quantity = try reader.readInt64()
      case (8, .varint): quoteBudget = try reader.readInt64()
      case (9, .varint): timeInForce = TimeInForce(wireNumber: try reader.readInt32())
      case (10, .varint): selfTrade = SelfTradePrevention(wireNumber: try reader.readInt32())
      default: try reader.skip(tag)
      }
    }
  }
}

extension CancelOrder: WireMergeable {
  static var wireDefault: CancelOrder { CancelOrder(account: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .varint): orderId = try reader.readVarint()
      case (3, .varint): clientOrderId = try reader.readVarint()
      default: try reader.skip(tag)
      }
    }
  }
}

extension CancelAll: WireMergeable {
  static var wireDefault: CancelAll { CancelAll(account: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .lengthDelimited): market = try reader.readSymbol()
      default: try reader.skip(tag)
      }
    }
  }
}

extension ReduceOrder: WireMergeable {
  static var wireDefault: ReduceOrder { ReduceOrder(account: 0, orderId: 0, reduceBy: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .varint): orderId = try reader.readVarint()
      case (3, .varint): reduceBy = try reader.readInt64()
      default: try reader.skip(tag)
      }
    }
  }
}
