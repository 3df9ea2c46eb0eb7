import TradelogCore

// The payloads of the event kinds that carry enumeration numbers, as read: the numbers are kept as
// numbers until `judged`, which maps them with the same conversions, in the same order and with the
// same errors, as converting the decoded messages (Event+Wire.swift) does.

extension EventAsRead {
  struct TransferRejectedFields: WireMergeable {
    var transfer = Transfer.wireDefault
    var reason: Int32 = 0
    var kind: Int32 = 0

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): transfer.account = try reader.readVarint()
        case (2, .lengthDelimited): transfer.asset = try reader.readSymbol()
        case (3, .varint): transfer.amount = try reader.readInt64()
        case (4, .varint): transfer.transferId = try reader.readVarint()
        case (5, .varint): reason = try reader.readInt32()
        case (6, .varint): kind = try reader.readInt32()
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> TransferRejected {
      let isWithdrawal = try Tradelog_V1_TransferKind.Value(wireNumber: kind).isWithdrawal(field: field())
      return TransferRejected(
        transfer: transfer, isWithdrawal: isWithdrawal,
        reason: try RejectReason(wire: .init(wireNumber: reason), field: field() + ".reason"))
    }
  }

  struct OrderAcceptedFields: WireMergeable {
    /// Everything but the enumerations, which are set when judged.
    var order = OrderAccepted(
      orderId: 0, account: 0, clientOrderId: 0, market: .empty, side: .unspecified, type: .unspecified,
      price: 0, quantity: 0, timeInForce: .unspecified)
    var side: Int32 = 0
    var type: Int32 = 0
    var timeInForce: Int32 = 0

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): order.orderId = try reader.readVarint()
        case (2, .varint): order.account = try reader.readVarint()
        case (3, .varint): order.clientOrderId = try reader.readVarint()
        case (4, .lengthDelimited): order.market = try reader.readSymbol()
        case (5, .varint): side = try reader.readInt32()
        case (6, .varint): type = try reader.readInt32()
        case (7, .varint): order.price = try reader.readInt64()
        case (8, .varint): order.quantity = try reader.readInt64()
        case (9, .varint): timeInForce = try reader.readInt32()
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> OrderAccepted {
      var order = order
      order.side = try Side(eventWire: .init(wireNumber: side), field: field() + ".side")
      order.type = try OrderType(eventWire: .init(wireNumber: type), field: field() + ".type")
      order.timeInForce = try TimeInForce(
        eventWire: .init(wireNumber: timeInForce), field: field() + ".timeInForce")
      return order
    }
  }

  struct OrderRejectedFields: WireMergeable {
    var rejection = OrderRejected(
      account: 0, orderId: 0, clientOrderId: 0, market: .empty, reason: .unspecified)
    var reason: Int32 = 0

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): rejection.account = try reader.readVarint()
        case (2, .varint): rejection.clientOrderId = try reader.readVarint()
        case (3, .varint): rejection.orderId = try reader.readVarint()
        case (4, .lengthDelimited): rejection.market = try reader.readSymbol()
        case (5, .varint): reason = try reader.readInt32()
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> OrderRejected {
      var rejection = rejection
      rejection.reason = try RejectReason(wire: .init(wireNumber: reason), field: field() + ".reason")
      return rejection
    }
  }

  struct TradeFields: WireMergeable {
    var trade = Trade(
      tradeId: 0, market: .empty, price: 0, quantity: 0, makerOrderId: 0, takerOrderId: 0, makerAccount: 0,
      takerAccount: 0, takerSide: .unspecified, makerFee: 0, takerFee: 0)
    var takerSide: Int32 = 0

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): trade.tradeId = try reader.readVarint()
        case (2, .lengthDelimited): trade.market = try reader.readSymbol()
        case (3, .varint): trade.price = try reader.readInt64()
        case (4, .varint): trade.quantity = try reader.readInt64()
        case (5, .varint): trade.makerOrderId = try reader.readVarint()
        case (6, .varint): trade.takerOrderId = try reader.readVarint()
        case (7, .varint): trade.makerAccount = try reader.readVarint()
        case (8, .varint): trade.takerAccount = try reader.readVarint()
        case (9, .varint): takerSide = try reader.readInt32()
        case (10, .varint): trade.makerFee = try reader.readInt64()
        case (11, .varint): trade.takerFee = try reader.readInt64()
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> Trade {
      var trade = trade
      trade.takerSide = try Side(eventWire: .init(wireNumber: takerSide), field: field() + ".takerSide")
      return trade
    }
  }

  struct OrderCanceledFields: WireMergeable {
    var canceled = OrderCanceled(orderId: 0, account: 0, remaining: 0, reason: .unspecified)
    var reason: Int32 = 0

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): canceled.orderId = try reader.readVarint()
        case (2, .varint): canceled.account = try reader.readVarint()
        case (3, .varint): canceled.remaining = try reader.readInt64()
        case (4, .varint): reason = try reader.readInt32()
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> OrderCanceled {
      var canceled = canceled
      canceled.reason = try CancelReason(wire: .init(wireNumber: reason), field: field() + ".reason")
      return canceled
    }
  }

  struct CommandRejectedFields: WireMergeable {
    var reason: Int32 = 0
    /// Present once the field was read, even empty; read again, it is merged.
    var createMarket: CreateMarket?

    static var wireDefault: Self { Self() }

    mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): reason = try reader.readInt32()
        case (2, .lengthDelimited): createMarket = try reader.readMessage(mergingInto: createMarket)
        default: try reader.skip(tag)
        }
      }
    }

    func judged(field: @autoclosure () -> String) throws(WireDecodingError) -> CommandRejected {
      CommandRejected(
        reason: try RejectReason(wire: .init(wireNumber: reason), field: field() + ".reason"),
        createMarket: createMarket)
    }
  }
}

extension OrderFilled: WireMergeable {
  static var wireDefault: OrderFilled { OrderFilled(orderId: 0, account: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): orderId = try reader.readVarint()
      case (2, .varint): account = try reader.readVarint()
      default: try reader.skip(tag)
      }
    }
  }
}

extension OrderReduced: WireMergeable {
  static var wireDefault: OrderReduced { OrderReduced(orderId: 0, account: 0, remaining: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): orderId = try reader.readVarint()
      case (2, .varint): account = try reader.readVarint()
      case (3, .varint): remaining = try reader.readInt64()
      default: try reader.skip(tag)
      }
    }
  }
}

extension BalanceChanged: WireMergeable {
  static var wireDefault: BalanceChanged { BalanceChanged(account: 0, asset: .empty, available: 0, held: 0) }

  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      switch (tag.fieldNumber, tag.wireType) {
      case (1, .varint): account = try reader.readVarint()
      case (2, .lengthDelimited): asset = try reader.readSymbol()
      case (3, .varint): available = try reader.readInt64()
      case (4, .varint): held = try reader.readInt64()
      default: try reader.skip(tag)
      }
    }
  }
}
