import SwiftProtobuf
import TradelogCore

// Core enumerations <-> their protobuf `…Value` enums. The core's raw values are the protobuf
// numbers, but the mapping is spelled out case by case so that a case added on either side breaks
// the build here instead of mapping silently by number.
//
// A number the schema does not know becomes `unrecognized` (the engine rejects it as MALFORMED and
// still reports what else the command said). Encoding `unrecognized` writes 255, a number the schema
// reserves and never assigns, so a decoded command re-encodes to one that decodes equal.

/// The protobuf number written for a core `unrecognized` value: reserved in every command enum.
let unrecognizedWireNumber = 255

/// A core enumeration of commands, whose protobuf numbers the schema may outgrow: read leniently
/// from commands (`unrecognized`), strictly from events.
protocol WireEnumeration: Equatable {
  associatedtype WireValue: SwiftProtobuf.Enum
  init(wire value: WireValue)
  static var unrecognized: Self { get }
}

extension WireEnumeration {
  /// Events never carry `unrecognized`: there an unknown number means a newer writer, so decoding
  /// fails instead of guessing. `field` is built only on failure.
  init(eventWire value: WireValue, field: @autoclosure () -> String) throws(WireDecodingError) {
    self.init(wire: value)
    if self == .unrecognized {
      throw .unknownEnumerationNumber(field: field(), number: value.rawValue)
    }
  }
}

extension WireEnumeration {
  /// The value of an enumeration number read from a command record.
  init(wireNumber number: Int32) {
    self.init(wire: WireValue(wireNumber: number))
  }
}

extension SwiftProtobuf.Enum {
  /// The value of an enumeration number read from the wire (the varint's low 32 bits, as
  /// SwiftProtobuf takes them). proto3 enumerations are open: the generated `init(rawValue:)` maps
  /// every number, one the schema does not know to `UNRECOGNIZED`.
  init(wireNumber number: Int32) {
    guard let value = Self(rawValue: Int(number)) else {
      preconditionFailure("the generated open enumeration \(Self.self) refused the number \(number)")
    }
    self = value
  }
}

extension Side: WireEnumeration {}
extension OrderType: WireEnumeration {}
extension TimeInForce: WireEnumeration {}
extension SelfTradePrevention: WireEnumeration {}

extension Side {
  init(wire value: Tradelog_V1_Side.Value) {
    switch value {
    case .sideUnspecified: self = .unspecified
    case .buy: self = .buy
    case .sell: self = .sell
    case .UNRECOGNIZED: self = .unrecognized
    }
  }

  var wire: Tradelog_V1_Side.Value {
    switch self {
    case .unspecified: .sideUnspecified
    case .buy: .buy
    case .sell: .sell
    case .unrecognized: .UNRECOGNIZED(unrecognizedWireNumber)
    }
  }
}

extension OrderType {
  init(wire value: Tradelog_V1_OrderType.Value) {
    switch value {
    case .orderTypeUnspecified: self = .unspecified
    case .limit: self = .limit
    case .market: self = .market
    case .UNRECOGNIZED: self = .unrecognized
    }
  }

  var wire: Tradelog_V1_OrderType.Value {
    switch self {
    case .unspecified: .orderTypeUnspecified
    case .limit: .limit
    case .market: .market
    case .unrecognized: .UNRECOGNIZED(unrecognizedWireNumber)
    }
  }
}

extension TimeInForce {
  init(wire value: Tradelog_V1_TimeInForce.Value) {
    switch value {
    case .timeInForceUnspecified: self = .unspecified
    case .gtc: self = .goodTillCanceled
    case .ioc: self = .immediateOrCancel
    case .fok: self = .fillOrKill
    case .postOnly: self = .postOnly
    case .UNRECOGNIZED: self = .unrecognized
    }
  }

  var wire: Tradelog_V1_TimeInForce.Value {
    switch self {
    case .unspecified: .timeInForceUnspecified
    case .goodTillCanceled: .gtc
    case .immediateOrCancel: .ioc
    case .fillOrKill: .fok
    case .postOnly: .postOnly
    case .unrecognized: .UNRECOGNIZED(unrecognizedWireNumber)
    }
  }
}

extension SelfTradePrevention {
  init(wire value: Tradelog_V1_SelfTradePrevention.Value) {
    switch value {
    case .selfTradePreventionUnspecified: self = .unspecified
    case .cancelTaker: self = .cancelTaker
    case .cancelMaker: self = .cancelMaker
    case .cancelBoth: self = .cancelBoth
    case .allow: self = .allow
    case .UNRECOGNIZED: self = .unrecognized
    }
  }

  var wire: Tradelog_V1_SelfTradePrevention.Value {
    switch self {
    case .unspecified: .selfTradePreventionUnspecified
    case .cancelTaker: .cancelTaker
    case .cancelMaker: .cancelMaker
    case .cancelBoth: .cancelBoth
    case .allow: .allow
    case .unrecognized: .UNRECOGNIZED(unrecognizedWireNumber)
    }
  }
}

// Reject and cancel reasons appear only in events, which only the sequencer writes: an unknown
// number there means a newer writer, so decoding fails instead of guessing.

extension RejectReason {
  init(wire value: Tradelog_V1_RejectReason.Value, field: @autoclosure () -> String) throws(WireDecodingError)
  {
    switch value {
    case .rejectReasonUnspecified: self = .unspecified
    case .malformed: self = .malformed
    case .unknownMarket: self = .unknownMarket
    case .invalidPrice: self = .invalidPrice
    case .invalidQuantity: self = .invalidQuantity
    case .overflow: self = .overflow
    case .duplicateID: self = .duplicateId
    case .insufficientFunds: self = .insufficientFunds
    case .wouldTake: self = .wouldTake
    case .fokUnfillable: self = .fillOrKillUnfillable
    case .unknownAsset: self = .unknownAsset
    case .unknownOrder: self = .unknownOrder
    case .marketExists: self = .marketExists
    case .limitExceeded: self = .limitExceeded
    case .UNRECOGNIZED(let number): throw .unknownEnumerationNumber(field: field(), number: number)
    }
  }

  var wire: Tradelog_V1_RejectReason.Value {
    switch self {
    case .unspecified: .rejectReasonUnspecified
    case .malformed: .malformed
    case .unknownMarket: .unknownMarket
    case .invalidPrice: .invalidPrice
    case .invalidQuantity: .invalidQuantity
    case .overflow: .overflow
    case .duplicateId: .duplicateID
    case .insufficientFunds: .insufficientFunds
    case .wouldTake: .wouldTake
    case .fillOrKillUnfillable: .fokUnfillable
    case .unknownAsset: .unknownAsset
    case .unknownOrder: .unknownOrder
    case .marketExists: .marketExists
    case .limitExceeded: .limitExceeded
    }
  }
}

extension CancelReason {
  init(wire value: Tradelog_V1_CancelReason.Value, field: @autoclosure () -> String) throws(WireDecodingError)
  {
    switch value {
    case .cancelReasonUnspecified: self = .unspecified
    case .user: self = .user
    case .ioc: self = .immediateOrCancel
    case .selfTrade: self = .selfTrade
    case .budget: self = .budget
    case .cancelAll: self = .cancelAll
    case .UNRECOGNIZED(let number): throw .unknownEnumerationNumber(field: field(), number: number)
    }
  }

  var wire: Tradelog_V1_CancelReason.Value {
    switch self {
    case .unspecified: .cancelReasonUnspecified
    case .user: .user
    case .immediateOrCancel: .ioc
    case .selfTrade: .selfTrade
    case .budget: .budget
    case .cancelAll: .cancelAll
    }
  }
}
