// The upper-case names SEMANTICS.md gives each enumeration's values: those of the wire's JSON form,
// of the read tables and of people's logs. One table, so that they cannot disagree.

extension Side {
  /// The name SEMANTICS.md gives this value (`Side` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "SIDE_UNSPECIFIED"
    case .buy: "BUY"
    case .sell: "SELL"
    case .unrecognized: "SIDE_UNRECOGNIZED"
    }
  }
}

extension OrderType {
  /// The name SEMANTICS.md gives this value (`OrderType` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "TYPE_UNSPECIFIED"
    case .limit: "LIMIT"
    case .market: "MARKET"
    case .unrecognized: "TYPE_UNRECOGNIZED"
    }
  }
}

extension TimeInForce {
  /// The name SEMANTICS.md gives this value (`TimeInForce` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "TIME_IN_FORCE_UNSPECIFIED"
    case .goodTillCanceled: "GTC"
    case .immediateOrCancel: "IOC"
    case .fillOrKill: "FOK"
    case .postOnly: "POST_ONLY"
    case .unrecognized: "TIME_IN_FORCE_UNRECOGNIZED"
    }
  }
}

extension SelfTradePrevention {
  /// The name SEMANTICS.md gives this value (`SelfTradePrevention` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "SELF_TRADE_UNSPECIFIED"
    case .cancelTaker: "CANCEL_TAKER"
    case .cancelMaker: "CANCEL_MAKER"
    case .cancelBoth: "CANCEL_BOTH"
    case .allow: "ALLOW"
    case .unrecognized: "SELF_TRADE_UNRECOGNIZED"
    }
  }
}

extension RejectReason {
  /// The name SEMANTICS.md gives this value (`RejectReason` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "REJECT_REASON_UNSPECIFIED"
    case .malformed: "MALFORMED"
    case .unknownMarket: "UNKNOWN_MARKET"
    case .invalidPrice: "INVALID_PRICE"
    case .invalidQuantity: "INVALID_QUANTITY"
    case .overflow: "OVERFLOW"
    case .duplicateId: "DUPLICATE_ID"
    case .insufficientFunds: "INSUFFICIENT_FUNDS"
    case .wouldTake: "WOULD_TAKE"
    case .fillOrKillUnfillable: "FOK_UNFILLABLE"
    case .unknownAsset: "UNKNOWN_ASSET"
    case .unknownOrder: "UNKNOWN_ORDER"
    case .marketExists: "MARKET_EXISTS"
    case .limitExceeded: "LIMIT_EXCEEDED"
    }
  }
}

extension CancelReason {
  /// The name SEMANTICS.md gives this value (`CancelReason` in the wire schema).
  public var name: String {
    switch self {
    case .unspecified: "CANCEL_REASON_UNSPECIFIED"
    case .user: "USER"
    case .immediateOrCancel: "IOC"
    case .selfTrade: "SELF_TRADE"
    case .budget: "BUDGET"
    case .cancelAll: "CANCEL_ALL"
    }
  }
}
