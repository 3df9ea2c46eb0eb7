/// The engine's snapshot body: a canonical, versioned byte encoding of the whole state.
///
/// Canonical means that two engines in the same state encode to the same bytes, whatever the order
/// in which they stored things: everything is written sorted (markets and assets by name, accounts
/// by id, their balances by asset name, transfer ids ascending), books in priority order, and
/// recent clientOrderIds oldest first. That is what lets the state hash be the SHA-256 of this
/// encoding.
///
/// Version 1, all integers little-endian, names as one length byte and their bytes:
///
///     magic "TLGE", version UInt16
///     limits: 10 × UInt64 (EngineLimits, in declaration order)
///     lastTimestamp Int64, nextOrderId UInt64, nextTradeId UInt64
///     assets UInt32, each: name, total Int64
///     markets UInt32, each: name, base, quote, lotSize Int64, tickSize Int64, minQuantity Int64,
///       makerFeeBps Int32, takerFeeBps Int32
///     accounts UInt32 (the fee account 0 first), each: id UInt64,
///       balances UInt32, each: asset, available Int64, held Int64, hasBeenNonZero UInt8
///       recent clientOrderIds UInt32, each UInt64, oldest first
///       transfer ids UInt32, each UInt64, ascending
///     per market, in the order above, bids then asks: levels UInt32, best first, each:
///       price Int64, orders UInt32, oldest first, each: orderId UInt64, account UInt64,
///       clientOrderId UInt64, remaining Int64, held Int64
enum SnapshotFormat {
  static let magic: [UInt8] = Array("TLGE".utf8)
  static let version: UInt16 = 1
  /// The smallest encoding of one resting order, to bound counts read from untrusted bytes.
  static let orderByteCount = 40
}
