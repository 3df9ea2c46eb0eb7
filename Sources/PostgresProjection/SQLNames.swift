import TradelogCore

/// The names the tables store for the core's enumerations: SEMANTICS.md's upper-case names, as in the
/// JSON form of events, so a query reads like the rules (`WHERE side = 'BUY'`).
enum SQLNames {
  static func name(of side: Side) -> String {
    switch side {
    case .buy: "BUY"
    case .sell: "SELL"
    case .unspecified: "SIDE_UNSPECIFIED"
    case .unrecognized: "SIDE_UNRECOGNIZED"
    }
  }

  static func name(of type: OrderType) -> String {
    switch type {
    case .limit: "LIMIT"
    case .market: "MARKET"
    case .unspecified: "TYPE_UNSPECIFIED"
    case .unrecognized: "TYPE_UNRECOGNIZED"
    }
  }

  static func name(of timeInForce: TimeInForce) -> String {
    switch timeInForce {
    case .goodTillCanceled: "GTC"
    case .immediateOrCancel: "IOC"
    case .fillOrKill: "FOK"
    case .postOnly: "POST_ONLY"
    case .unspecified: "TIME_IN_FORCE_UNSPECIFIED"
    case .unrecognized: "TIME_IN_FORCE_UNRECOGNIZED"
    }
  }

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

  static func side(named name: String) -> Side? {
    Side.allCases.first { self.name(of: $0) == name }
  }

  static func orderType(named name: String) -> OrderType? {
    OrderType.allCases.first { self.name(of: $0) == name }
  }

  static func timeInForce(named name: String) -> TimeInForce? {
    TimeInForce.allCases.first { self.name(of: $0) == name }
  }
}
