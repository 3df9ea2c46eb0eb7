/// A market: its parameters as created, and the indices the engine resolved them to.
struct MarketState {
  var parameters: CreateMarket
  var baseAsset: Int32
  var quoteAsset: Int32
  /// The fee account's balance of the quote asset, where this market's fees go.
  var feeBalance: Int32

  /// SEMANTICS.md: a LIMIT BUY holds its notional plus the fee at the higher of the two rates, since
  /// it may end up as maker or as taker.
  var holdFeeBasisPoints: Int32 { max(parameters.makerFeeBps, parameters.takerFeeBps) }
}
