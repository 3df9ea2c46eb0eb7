extension EngineCore {
  /// createMarket: MALFORMED → MARKET_EXISTS → LIMIT_EXCEEDED; a rejection is `commandRejected`
  /// carrying the parameters as given.
  func createMarket(_ parameters: CreateMarket, into batch: inout EventBuffer) {
    do throws(Rejection) {
      try validate(parameters)
    } catch {
      batch.append(.commandRejected(CommandRejected(reason: error.reason, createMarket: parameters)))
      return
    }
    let base = ledger.asset(named: parameters.base) ?? ledger.addAsset(named: parameters.base)
    let quote = ledger.asset(named: parameters.quote) ?? ledger.addAsset(named: parameters.quote)
    let feeBalance = ledger.slotCreatingIfNeeded(
      account: AccountRegistry.feeAccount, accountId: 0, asset: quote)
    addMarket(MarketState(parameters: parameters, baseAsset: base, quoteAsset: quote, feeBalance: feeBalance))
    batch.append(.marketCreated(parameters))
  }

  func addMarket(_ market: MarketState) {
    let index = Int32(marketStates.count)
    marketStates.append(market)
    marketIndex.insert(NameKey(name: market.parameters.market), value: index)
    books.addMarket()
  }

  @inline(__always)
  func market(named name: Symbol) -> Int32? {
    if name == lastMarketName && lastMarketIndex >= 0 { return lastMarketIndex }
    return lookUpMarket(named: name)
  }

  private func lookUpMarket(named name: Symbol) -> Int32? {
    guard let index = marketIndex.value(for: NameKey(name: name)) else { return nil }
    lastMarketName = name
    lastMarketIndex = index
    return index
  }

  private func validate(_ parameters: CreateMarket) throws(Rejection) {
    guard Self.isWellFormed(parameters) else { throw .malformed }
    guard market(named: parameters.market) == nil else { throw Rejection(reason: .marketExists) }
    guard marketStates.count < limits.marketsMax else { throw .limitExceeded }
  }

  /// docs/exchange-rules.md: valid names, different assets, sizes ≥ 1, fees within 0…1000 bps.
  static func isWellFormed(_ parameters: CreateMarket) -> Bool {
    let fees = 0...FeeArithmetic.basisPointsMax
    return parameters.market.isValidMarketName && parameters.base.isValidAssetName
      && parameters.quote.isValidAssetName && parameters.base != parameters.quote
      && parameters.lotSize >= 1 && parameters.tickSize >= 1 && parameters.minQuantity >= 1
      && fees.contains(parameters.makerFeeBps) && fees.contains(parameters.takerFeeBps)
  }
}
