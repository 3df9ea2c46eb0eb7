import TradelogCore

/// One `tradelog.v1.Event` of a batch as read, before it is judged.
///
/// Events are judged strictly (an unknown kind or enumeration number is an error), but only once
/// the event is read whole: an event's kind may appear twice and be merged, and a later number may
/// replace an unknown one. So enumeration numbers are kept as read until `Event(judging:index:)`,
/// which fails exactly where converting a decoded `Tradelog_V1_Event` (`init(wire:index:)`) fails,
/// with the same error.
enum EventAsRead {
  /// No kind this version knows: the event is empty, or of a newer schema's kind.
  case none
  case marketCreated(CreateMarket)
  case deposited(Transfer)
  case withdrawn(Transfer)
  case transferRejected(TransferRejectedFields)
  case orderAccepted(OrderAcceptedFields)
  case orderRejected(OrderRejectedFields)
  case trade(TradeFields)
  case orderFilled(OrderFilled)
  case orderCanceled(OrderCanceledFields)
  case orderReduced(OrderReduced)
  case commandRejected(CommandRejectedFields)
  case balanceChanged(BalanceChanged)
}

extension EventAsRead: WireMergeable {
  static var wireDefault: EventAsRead { .none }

  /// The event's `oneof`: a kind that appears again is merged into the one before, another kind
  /// replaces it, as SwiftProtobuf's generated code does.
  mutating func merge(from reader: inout WireReader) throws(WireReader.Failure) {
    while let tag = try reader.nextTag() {
      guard tag.wireType == .lengthDelimited else {
        try reader.skip(tag)
        continue
      }
      switch tag.fieldNumber {
      case 1: self = .marketCreated(try reader.readMessage(mergingInto: marketCreated))
      case 2: self = .deposited(try reader.readMessage(mergingInto: deposited))
      case 3: self = .withdrawn(try reader.readMessage(mergingInto: withdrawn))
      case 4: self = .transferRejected(try reader.readMessage(mergingInto: transferRejected))
      case 5: self = .orderAccepted(try reader.readMessage(mergingInto: orderAccepted))
      case 6: self = .orderRejected(try reader.readMessage(mergingInto: orderRejected))
      case 7: self = .trade(try reader.readMessage(mergingInto: trade))
      case 8: self = .orderFilled(try reader.readMessage(mergingInto: orderFilled))
      case 9: self = .orderCanceled(try reader.readMessage(mergingInto: orderCanceled))
      case 10: self = .orderReduced(try reader.readMessage(mergingInto: orderReduced))
      case 11: self = .commandRejected(try reader.readMessage(mergingInto: commandRejected))
      case 12: self = .balanceChanged(try reader.readMessage(mergingInto: balanceChanged))
      default: try reader.skip(tag)
      }
    }
  }

  // The payload of each kind, when the event is of that kind.

  private var marketCreated: CreateMarket? {
    if case .marketCreated(let payload) = self { payload } else { nil }
  }
  private var deposited: Transfer? { if case .deposited(let payload) = self { payload } else { nil } }
  private var withdrawn: Transfer? { if case .withdrawn(let payload) = self { payload } else { nil } }
  private var transferRejected: TransferRejectedFields? {
    if case .transferRejected(let payload) = self { payload } else { nil }
  }
  private var orderAccepted: OrderAcceptedFields? {
    if case .orderAccepted(let payload) = self { payload } else { nil }
  }
  private var orderRejected: OrderRejectedFields? {
    if case .orderRejected(let payload) = self { payload } else { nil }
  }
  private var trade: TradeFields? { if case .trade(let payload) = self { payload } else { nil } }
  private var orderFilled: OrderFilled? { if case .orderFilled(let payload) = self { payload } else { nil } }
  private var orderCanceled: OrderCanceledFields? {
    if case .orderCanceled(let payload) = self { payload } else { nil }
  }
  private var orderReduced: OrderReduced? {
    if case .orderReduced(let payload) = self { payload } else { nil }
  }
  private var commandRejected: CommandRejectedFields? {
    if case .commandRejected(let payload) = self { payload } else { nil }
  }
  private var balanceChanged: BalanceChanged? {
    if case .balanceChanged(let payload) = self { payload } else { nil }
  }
}

extension Event {
  /// The event, or the error converting the same decoded `Tradelog_V1_Event` throws: `index` is
  /// the event's place in its batch, named in the error.
  init(judging event: EventAsRead, index: Int) throws(WireDecodingError) {
    func field(_ name: String) -> String { "events[\(index)].\(name)" }
    switch event {
    case .none: throw .unknownEventKind(index: index)
    case .marketCreated(let payload): self = .marketCreated(payload)
    case .deposited(let payload): self = .deposited(payload)
    case .withdrawn(let payload): self = .withdrawn(payload)
    case .transferRejected(let fields):
      self = .transferRejected(try fields.judged(field: field("transferRejected")))
    case .orderAccepted(let fields): self = .orderAccepted(try fields.judged(field: field("orderAccepted")))
    case .orderRejected(let fields): self = .orderRejected(try fields.judged(field: field("orderRejected")))
    case .trade(let fields): self = .trade(try fields.judged(field: field("trade")))
    case .orderFilled(let payload): self = .orderFilled(payload)
    case .orderCanceled(let fields): self = .orderCanceled(try fields.judged(field: field("orderCanceled")))
    case .orderReduced(let payload): self = .orderReduced(payload)
    case .commandRejected(let fields):
      self = .commandRejected(try fields.judged(field: field("commandRejected")))
    case .balanceChanged(let payload): self = .balanceChanged(payload)
    }
  }
}
