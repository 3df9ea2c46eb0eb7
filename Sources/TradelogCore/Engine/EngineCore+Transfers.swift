extension EngineCore {
  /// deposit: MALFORMED → UNKNOWN_ASSET → INVALID_QUANTITY → OVERFLOW → DUPLICATE_ID →
  /// LIMIT_EXCEEDED. Creates the account and its balance of the asset when new.
  func deposit(_ transfer: Transfer, into batch: inout EventBuffer) {
    let asset: Int32
    do throws(Rejection) {
      asset = try validateTransfer(transfer)
      guard ledger.total(of: asset) <= Int64.max - transfer.amount else { throw .overflow }
      let account = accounts.index(of: transfer.account)
      if let account {
        guard !accounts.hasUsed(transferId: transfer.transferId, account: account) else { throw .duplicateId }
      }
      try checkTransferIdLimits(account: account)
      if account == nil {
        guard accounts.clientAccountCount < limits.accountsMax else { throw .limitExceeded }
      }
      if account.flatMap({ ledger.slot(account: $0, asset: asset) }) == nil {
        guard ledger.clientSlotCount < limits.balancesMax else { throw .limitExceeded }
      }
    } catch {
      rejectTransfer(transfer, isWithdrawal: false, reason: error.reason, into: &batch)
      return
    }
    let account = accounts.index(of: transfer.account) ?? accounts.add(transfer.account)
    accounts.use(transferId: transfer.transferId, account: account)
    let slot = ledger.slotCreatingIfNeeded(account: account, accountId: transfer.account, asset: asset)
    ledger.deposit(transfer.amount, into: slot)
    batch.append(.deposited(transfer))
    ledger.emitChanges(into: &batch)
  }

  /// withdraw: MALFORMED → UNKNOWN_ASSET → INVALID_QUANTITY → DUPLICATE_ID → INSUFFICIENT_FUNDS →
  /// LIMIT_EXCEEDED.
  func withdraw(_ transfer: Transfer, into batch: inout EventBuffer) {
    let account: Int32
    let slot: Int32
    do throws(Rejection) {
      let asset = try validateTransfer(transfer)
      let known = accounts.index(of: transfer.account)
      if let known {
        guard !accounts.hasUsed(transferId: transfer.transferId, account: known) else { throw .duplicateId }
      }
      guard let known, let balance = ledger.slot(account: known, asset: asset),
        ledger.available(balance) >= transfer.amount
      else { throw .insufficientFunds }
      try checkTransferIdLimits(account: known)
      account = known
      slot = balance
    } catch {
      rejectTransfer(transfer, isWithdrawal: true, reason: error.reason, into: &batch)
      return
    }
    accounts.use(transferId: transfer.transferId, account: account)
    ledger.withdraw(transfer.amount, from: slot)
    batch.append(.withdrawn(transfer))
    ledger.emitChanges(into: &batch)
  }

  /// The checks deposit and withdraw share: MALFORMED → UNKNOWN_ASSET → INVALID_QUANTITY.
  private func validateTransfer(_ transfer: Transfer) throws(Rejection) -> Int32 {
    guard transfer.account != 0, transfer.transferId != 0, transfer.asset.isValidAssetName else {
      throw .malformed
    }
    guard let asset = ledger.asset(named: transfer.asset) else { throw .unknownAsset }
    guard transfer.amount > 0 else { throw .invalidQuantity }
    return asset
  }

  private func checkTransferIdLimits(account: Int32?) throws(Rejection) {
    guard accounts.transferIdCount < limits.transferIdsMax else { throw .limitExceeded }
    if let account {
      guard Int(accounts[account].transferIdCount) < limits.transferIdsPerAccountMax else {
        throw .limitExceeded
      }
    }
  }

  private func rejectTransfer(
    _ transfer: Transfer, isWithdrawal: Bool, reason: RejectReason, into batch: inout EventBuffer
  ) {
    batch.append(
      .transferRejected(TransferRejected(transfer: transfer, isWithdrawal: isWithdrawal, reason: reason)))
  }
}
