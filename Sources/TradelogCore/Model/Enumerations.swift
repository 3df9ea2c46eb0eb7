// The enumerations of SEMANTICS.md. Raw values are the protobuf numbers of schemas/ (tradelog.v1):
// 0 is `…_UNSPECIFIED`, meaning "left out" on input. `unrecognized` is what a decoder carries for a
// number the schema does not know, so that the engine can reject it as MALFORMED while still
// reporting what else it could read; it never appears in an event.

public enum Side: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case buy = 1
  case sell = 2
  case unrecognized = 255
}

public enum OrderType: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case limit = 1
  case market = 2
  case unrecognized = 255
}

public enum TimeInForce: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case goodTillCanceled = 1
  case immediateOrCancel = 2
  case fillOrKill = 3
  case postOnly = 4
  case unrecognized = 255
}

/// What happens when an order would trade with a resting order of the same account.
public enum SelfTradePrevention: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case cancelTaker = 1
  case cancelMaker = 2
  case cancelBoth = 3
  case allow = 4
  case unrecognized = 255
}

/// Why a command, an order or a transfer was rejected.
public enum RejectReason: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case malformed = 1
  case unknownMarket = 2
  case invalidPrice = 3
  case invalidQuantity = 4
  case overflow = 5
  case duplicateId = 6
  case insufficientFunds = 7
  case wouldTake = 8
  case fillOrKillUnfillable = 9
  case unknownAsset = 10
  case unknownOrder = 11
  case marketExists = 12
  /// One of the engine's declared capacity limits (`EngineLimits`) would be exceeded.
  case limitExceeded = 13
}

/// Why an order left the book before it was filled.
public enum CancelReason: UInt8, Sendable, CaseIterable {
  case unspecified = 0
  case user = 1
  case immediateOrCancel = 2
  case selfTrade = 3
  case budget = 4
  case cancelAll = 5
}
