import TradelogCore

// createMarket, deposit and withdraw.
extension ReferenceExchange {
  mutating func createMarket(_ request: CreateMarket) {
    if let reason = rejection(of: request) {
      events.append(.commandRejected(CommandRejected(reason: reason, createMarket: request)))
      return
    }
    marketsByName[request.market] = ReferenceMarket(parameters: request)
    // An asset comes into existence with the first market that names it.
    for asset in [request.base, request.quote] where totalsByAsset[asset] == nil {
      totalsByAsset[asset] = 0
    }
    events.append(.marketCreated(request))
  }

  /// `MALFORMED` (names, base equal to quote, parameters out of range) → `MARKET_EXISTS`.
  func rejection(of request: CreateMarket) -> RejectReason? {
    let feeRange: ClosedRange<Int32> = 0...1000
    let isMalformed =
      !isValidMarketName(request.market) || !isValidAssetName(request.base)
      || !isValidAssetName(request.quote) || request.base == request.quote
      || request.lotSize < 1 || request.tickSize < 1 || request.minQuantity < 1
      || !feeRange.contains(request.makerFeeBps) || !feeRange.contains(request.takerFeeBps)
    if isMalformed { return .malformed }
    if marketsByName[request.market] != nil { return .marketExists }
    return nil
  }

  mutating func deposit(_ transfer: Transfer) {
    if let reason = rejection(of: transfer, isWithdrawal: false) {
      events.append(
        .transferRejected(TransferRejected(transfer: transfer, isWithdrawal: false, reason: reason)))
      return
    }
    totalsByAsset[transfer.asset]! += transfer.amount
    accounts[transfer.account, default: ReferenceAccount()].transferIds.insert(transfer.transferId)
    events.append(.deposited(transfer))
    changeBalance(account: transfer.account, asset: transfer.asset, available: transfer.amount)
  }

  mutating func withdraw(_ transfer: Transfer) {
    if let reason = rejection(of: transfer, isWithdrawal: true) {
      events.append(
        .transferRejected(TransferRejected(transfer: transfer, isWithdrawal: true, reason: reason)))
      return
    }
    totalsByAsset[transfer.asset]! -= transfer.amount
    accounts[transfer.account, default: ReferenceAccount()].transferIds.insert(transfer.transferId)
    events.append(.withdrawn(transfer))
    changeBalance(account: transfer.account, asset: transfer.asset, available: -transfer.amount)
  }

  /// `MALFORMED` → `UNKNOWN_ASSET` → `INVALID_QUANTITY` → `OVERFLOW` (deposit) → `DUPLICATE_ID` →
  /// `INSUFFICIENT_FUNDS` (withdraw).
  func rejection(of transfer: Transfer, isWithdrawal: Bool) -> RejectReason? {
    if transfer.account == 0 || transfer.transferId == 0 || !isValidAssetName(transfer.asset) {
      return .malformed
    }
    guard let total = totalsByAsset[transfer.asset] else { return .unknownAsset }
    if transfer.amount <= 0 { return .invalidQuantity }
    // The asset's total bounds every balance in it, so a deposit that keeps the total in range keeps
    // every balance in range too.
    if !isWithdrawal && ExactArithmetic.sum(total, transfer.amount) == nil { return .overflow }
    if accounts[transfer.account]?.transferIds.contains(transfer.transferId) == true { return .duplicateId }
    if isWithdrawal && balance(account: transfer.account, asset: transfer.asset).available < transfer.amount {
      return .insufficientFunds
    }
    return nil
  }
}
