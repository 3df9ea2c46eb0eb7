import TradelogCore

/// The upper-case names SEMANTICS.md gives the reasons, as stored in `order_events.reason`.
enum EventNames {
  static func name(of reason: RejectReason) -> String {
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

  static func name(of reason: CancelReason) -> String {
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
