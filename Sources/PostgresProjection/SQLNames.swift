import TradelogCore

/// The tables store the core's enumerations by SEMANTICS.md's upper-case names (`name`), as in the
/// JSON form of events, so a query reads like the rules (`WHERE side = 'BUY'`); these read them back.
enum SQLNames {
  static func side(named name: String) -> Side? {
    Side.allCases.first { $0.name == name }
  }

  static func orderType(named name: String) -> OrderType? {
    OrderType.allCases.first { $0.name == name }
  }

  static func timeInForce(named name: String) -> TimeInForce? {
    TimeInForce.allCases.first { $0.name == name }
  }
}
