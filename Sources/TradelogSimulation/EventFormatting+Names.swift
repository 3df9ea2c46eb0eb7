import TradelogCore

// The upper-case names of the wire for each enumeration (SEMANTICS.md).
extension EventFormatting {
  public static func name(of side: Side) -> String {
    switch side {
    case .unspecified: "SIDE_UNSPECIFIED"
    case .buy: "BUY"
    case .sell: "SELL"
    case .unrecognized: "SIDE_UNRECOGNIZED"
    }
  }

  public static func name(of type: OrderType) -> String {
    switch type {
    case .unspecified: "TYPE_UNSPECIFIED"
    case .limit: "LIMIT"
    case .market: "MARKET"
    case .unrecognized: "TYPE_UNRECOGNIZED"
    }
  }

  public static func name(of timeInForce: TimeInForce) -> String {
    switch timeInForce {
    case .unspecified: "TIME_IN_FORCE_UNSPECIFIED"
    case .goodTillCanceled: "GTC"
    case .immediateOrCancel: "IOC"
    case .fillOrKill: "FOK"
    case .postOnly: "POST_ONLY"
    case .unrecognized: "TIME_IN_FORCE_UNRECOGNIZED"
    }
  }

  public static func name(of selfTrade: SelfTradePrevention) -> String {
    switch selfTrade {
    case .unspecified: "SELF_TRADE_UNSPECIFIED"
    case .cancelTaker: "CANCEL_TAKER"
    case .cancelMaker: "CANCEL_MAKER"
    case .cancelBoth: "CANCEL_BOTH"
    case .allow: "ALLOW"
    case .unrecognized: "SELF_TRADE_UNRECOGNIZED"
    }
  }

  public static func name(of reason: RejectReason) -> String {
    switch reason {
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

  public static func name(of reason: CancelReason) -> String {
    switch reason {
    case .unspecified: "CANCEL_REASON_UNSPECIFIED"
    case .user: "USER"
    case .immediateOrCancel: "IOC"
    case .selfTrade: "SELF_TRADE"
    case .budget: "BUDGET"
    case .cancelAll: "CANCEL_ALL"
    }
  }
}
