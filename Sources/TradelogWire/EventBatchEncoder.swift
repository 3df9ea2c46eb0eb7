import TradelogCore

/// Writes `tradelog.v1.EventBatch` without building SwiftProtobuf messages: the sequencer encodes one
/// batch per command, and building the message objects cost more than the engine's work and the
/// hash chain together.
///
/// The output is byte for byte what SwiftProtobuf's binary encoder writes for the same batch (its
/// output is deterministic for these messages: no maps, no unknown fields), and tests hold it to
/// that on every event kind and on seeded workloads. The rules it follows, those of proto3:
/// fields in field-number order; a scalar field at its default (0, empty string, the enumeration's
/// `…_UNSPECIFIED`) is left out; a message set in a `oneof`, or an optional message that is
/// present, is written even when empty; varints are little-endian base 128, negative integers (and
/// negative enumeration numbers) as their 64-bit two's complement, ten bytes.
struct EventBatchEncoder {
  private var output: [UInt8] = []
  /// A message nested in a payload (a rejected command's CreateMarket).
  private var nested: [UInt8] = []

  /// The batch without its chain hash: what the chain hash is computed over.
  static func bytesForChainHash(
    seq: UInt64, commandOffset: UInt64, timestamp: Int64, events: [Event]
  ) -> [UInt8] {
    var encoder = EventBatchEncoder()
    // Room for the chain hash field too, appended later without growing the array again.
    encoder.output.reserveCapacity(64 + events.count * 64)
    encoder.output.writeUInt64(field: 1, seq)
    encoder.output.writeUInt64(field: 2, commandOffset)
    encoder.output.writeInt64(field: 3, timestamp)
    for event in events {
      encoder.output.writeTag(field: 4, wireType: .lengthDelimited)
      // The payload is written in place, after three placeholder bytes for what precedes it and
      // depends on its length: the Event's length, the tag of its one field, the payload's length.
      // Writing it elsewhere first cost an allocation and a copy per batch.
      let headerStart = encoder.output.count
      encoder.output.append(contentsOf: repeatElement(0, count: eventHeaderPlaceholderCount))
      let kind = Self.writePayload(of: event, into: &encoder.output, nested: &encoder.nested)
      encoder.output.fillEventHeader(at: headerStart, kind: kind)
    }
    return encoder.output
  }

  /// Bytes reserved before an event's payload: one for each of its three header fields, enough
  /// whenever the payload is shorter than 126 bytes (a longer one moves, once).
  fileprivate static let eventHeaderPlaceholderCount = 3

  /// Writes the event's payload message into `payload` and returns its field number in `Event`.
  private static func writePayload(of event: Event, into payload: inout [UInt8], nested: inout [UInt8]) -> Int
  {
    switch event {
    case .marketCreated(let market):
      payload.writeCreateMarket(market)
      return 1
    case .deposited(let transfer):
      payload.writeTransfer(transfer)
      return 2
    case .withdrawn(let transfer):
      payload.writeTransfer(transfer)
      return 3
    case .transferRejected(let rejection):
      payload.writeUInt64(field: 1, rejection.transfer.account)
      payload.writeSymbol(field: 2, rejection.transfer.asset)
      payload.writeInt64(field: 3, rejection.transfer.amount)
      payload.writeUInt64(field: 4, rejection.transfer.transferId)
      payload.writeEnumeration(field: 5, rejection.reason.wire.rawValue)
      payload.writeEnumeration(
        field: 6,
        (rejection.isWithdrawal ? Tradelog_V1_TransferKind.Value.withdraw : .deposit).rawValue)
      return 4
    case .orderAccepted(let order):
      payload.writeOrderAccepted(order)
      return 5
    case .orderRejected(let rejection):
      payload.writeUInt64(field: 1, rejection.account)
      payload.writeUInt64(field: 2, rejection.clientOrderId)
      payload.writeUInt64(field: 3, rejection.orderId)
      payload.writeSymbol(field: 4, rejection.market)
      payload.writeEnumeration(field: 5, rejection.reason.wire.rawValue)
      return 6
    case .trade(let trade):
      payload.writeTrade(trade)
      return 7
    case .orderFilled(let filled):
      payload.writeUInt64(field: 1, filled.orderId)
      payload.writeUInt64(field: 2, filled.account)
      return 8
    case .orderCanceled(let canceled):
      payload.writeUInt64(field: 1, canceled.orderId)
      payload.writeUInt64(field: 2, canceled.account)
      payload.writeInt64(field: 3, canceled.remaining)
      payload.writeEnumeration(field: 4, canceled.reason.wire.rawValue)
      return 9
    case .orderReduced(let reduced):
      payload.writeUInt64(field: 1, reduced.orderId)
      payload.writeUInt64(field: 2, reduced.account)
      payload.writeInt64(field: 3, reduced.remaining)
      return 10
    case .commandRejected(let rejection):
      payload.writeEnumeration(field: 1, rejection.reason.wire.rawValue)
      if let market = rejection.createMarket {
        nested.removeAll(keepingCapacity: true)
        nested.writeCreateMarket(market)
        payload.writeTag(field: 2, wireType: .lengthDelimited)
        payload.writeVarint(UInt64(nested.count))
        payload.append(contentsOf: nested)
      }
      return 11
    case .balanceChanged(let change):
      payload.writeUInt64(field: 1, change.account)
      payload.writeSymbol(field: 2, change.asset)
      payload.writeInt64(field: 3, change.available)
      payload.writeInt64(field: 4, change.held)
      return 12
    }
  }
}

extension [UInt8] {
  /// Replaces the placeholder bytes at `start` with an Event's header (its length, the tag of its
  /// field `kind`, the payload's length) for the payload that follows them.
  fileprivate mutating func fillEventHeader(at start: Int, kind: Int) {
    let placeholderEnd = start + EventBatchEncoder.eventHeaderPlaceholderCount
    let payloadLength = count - placeholderEnd
    // An Event holds one field, the payload of its kind; an Event's own bytes are that field.
    let tag = UInt64(kind) << 3 | UInt64(WireType.lengthDelimited.rawValue)
    let fieldLength = tag.varintByteCount + UInt64(payloadLength).varintByteCount + payloadLength
    if fieldLength < 0x80, tag < 0x80, payloadLength < 0x80 {
      self[start] = UInt8(fieldLength)
      self[start + 1] = UInt8(tag)
      self[start + 2] = UInt8(payloadLength)
      return
    }
    var header: [UInt8] = []
    header.writeVarint(UInt64(fieldLength))
    header.writeVarint(tag)
    header.writeVarint(UInt64(payloadLength))
    replaceSubrange(start..<placeholderEnd, with: header)
  }

  mutating func writeCreateMarket(_ market: CreateMarket) {
    writeSymbol(field: 1, market.market)
    writeSymbol(field: 2, market.base)
    writeSymbol(field: 3, market.quote)
    writeInt64(field: 4, market.lotSize)
    writeInt64(field: 5, market.tickSize)
    writeInt64(field: 6, market.minQuantity)
    writeInt64(field: 7, Int64(market.makerFeeBps))
    writeInt64(field: 8, Int64(market.takerFeeBps))
  }

  mutating func writeTransfer(_ transfer: Transfer) {
    writeUInt64(field: 1, transfer.account)
    writeSymbol(field: 2, transfer.asset)
    writeInt64(field: 3, transfer.amount)
    writeUInt64(field: 4, transfer.transferId)
  }

  mutating func writeOrderAccepted(_ order: OrderAccepted) {
    writeUInt64(field: 1, order.orderId)
    writeUInt64(field: 2, order.account)
    writeUInt64(field: 3, order.clientOrderId)
    writeSymbol(field: 4, order.market)
    writeEnumeration(field: 5, order.side.wire.rawValue)
    writeEnumeration(field: 6, order.type.wire.rawValue)
    writeInt64(field: 7, order.price)
    writeInt64(field: 8, order.quantity)
    writeEnumeration(field: 9, order.timeInForce.wire.rawValue)
  }

  mutating func writeTrade(_ trade: Trade) {
    writeUInt64(field: 1, trade.tradeId)
    writeSymbol(field: 2, trade.market)
    writeInt64(field: 3, trade.price)
    writeInt64(field: 4, trade.quantity)
    writeUInt64(field: 5, trade.makerOrderId)
    writeUInt64(field: 6, trade.takerOrderId)
    writeUInt64(field: 7, trade.makerAccount)
    writeUInt64(field: 8, trade.takerAccount)
    writeEnumeration(field: 9, trade.takerSide.wire.rawValue)
    writeInt64(field: 10, trade.makerFee)
    writeInt64(field: 11, trade.takerFee)
  }

  mutating func writeTag(field: Int, wireType: WireType) {
    writeVarint(UInt64(field) << 3 | UInt64(wireType.rawValue))
  }

  mutating func writeVarint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    append(UInt8(rest))
  }

  mutating func writeUInt64(field: Int, _ value: UInt64) {
    guard value != 0 else { return }
    writeTag(field: field, wireType: .varint)
    writeVarint(value)
  }

  mutating func writeInt64(field: Int, _ value: Int64) {
    writeUInt64(field: field, UInt64(bitPattern: value))
  }

  /// An enumeration number: an `int32` on the wire, so a negative one takes ten bytes.
  mutating func writeEnumeration(field: Int, _ number: Int) {
    writeUInt64(field: field, UInt64(bitPattern: Int64(number)))
  }

  /// A name as a protobuf string. ASCII bytes are their own UTF-8; any other byte goes through
  /// `wireText`, as the SwiftProtobuf path does, so that what a String makes of it is written.
  mutating func writeSymbol(field: Int, _ symbol: Symbol) {
    let count = symbol.count
    guard count > 0 else { return }
    var isASCII = true
    for index in 0..<count where symbol[index] >= 0x80 { isASCII = false }
    guard isASCII else {
      var text = symbol.wireText
      text.withUTF8 { bytes in
        writeTag(field: field, wireType: .lengthDelimited)
        writeVarint(UInt64(bytes.count))
        append(contentsOf: bytes)
      }
      return
    }
    writeTag(field: field, wireType: .lengthDelimited)
    writeVarint(UInt64(count))
    for index in 0..<count { append(symbol[index]) }
  }
}

extension UInt64 {
  /// How many bytes this value takes as a varint.
  var varintByteCount: Int {
    Swift.max(1, (64 - leadingZeroBitCount + 6) / 7)
  }
}
