/// The ClickHouse types of the projected columns, spelled exactly as in schemas/clickhouse, so that
/// a Native block names the types its table has.
enum ColumnType {
  static let uint64 = "UInt64"
  static let int64 = "Int64"
  static let uint32 = "UInt32"
  static let string = "String"
  static let takerSide = "Enum8('BUY' = 1, 'SELL' = 2)"
  static let orderEventKind =
    "Enum8('ACCEPTED' = 1, 'REJECTED' = 2, 'FILLED' = 3, 'CANCELED' = 4, 'REDUCED' = 5)"
  static let side = "Enum8('NONE' = 0, 'BUY' = 1, 'SELL' = 2)"
  static let orderType = "Enum8('NONE' = 0, 'LIMIT' = 1, 'MARKET' = 2)"
  static let timeInForce = "Enum8('NONE' = 0, 'GTC' = 1, 'IOC' = 2, 'FOK' = 3, 'POST_ONLY' = 4)"
}
