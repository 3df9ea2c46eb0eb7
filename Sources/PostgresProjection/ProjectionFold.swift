import TradelogCore
import TradelogWire

/// Folds event batches into the projection's rows: the part of the projector without I/O.
///
/// It keeps in memory the state the events change and do not repeat: every balance (for the
/// ledger's differences), every open order (for fills, cancels and book levels) and every book
/// level. All three are bounded by the exchange's current state, not its history, and are read back
/// from the tables when a projector starts.
struct ProjectionFold {
  private(set) var balances: [BalanceKey: Balance]
  private(set) var openOrders: [UInt64: ProjectedOrder]
  private(set) var levels: [BookLevelKey: BookLevelTotals]
  /// What the current transaction will write.
  var changes = ProjectionChanges()

  /// The orders the current batch changed, in the order they first changed.
  private var batchOrderIds: [UInt64] = []
  private var batchOrderIdSet: Set<UInt64> = []

  init(
    balances: [BalanceKey: Balance] = [:], openOrders: [UInt64: ProjectedOrder] = [:],
    levels: [BookLevelKey: BookLevelTotals] = [:]
  ) {
    self.balances = balances
    self.openOrders = openOrders
    self.levels = levels
  }

  /// Folds one batch, which the caller has checked is the next of the chain. On a thrown error the
  /// fold is left half-applied and must be discarded (the projector reloads from the tables).
  mutating func apply(_ batch: EventBatchRecord, position: Int64) throws(ProjectionError) {
    for event in batch.events {
      try apply(event, batch: batch)
    }
    try endBatch(batch)
    changes.batchCount += 1
    changes.eventCount += batch.events.count
    changes.lastSeq = batch.seq
    changes.lastChainHash = batch.chainHash
    changes.lastPosition = position
  }

  private mutating func apply(_ event: Event, batch: EventBatchRecord) throws(ProjectionError) {
    switch event {
    case .marketCreated(let market):
      changes.marketRows.append(Self.marketRow(market, batch: batch))
    case .deposited(let transfer):
      changes.transferRows.append(Self.transferRow(transfer, kind: "DEPOSIT", rejection: nil, batch: batch))
    case .withdrawn(let transfer):
      changes.transferRows.append(
        Self.transferRow(transfer, kind: "WITHDRAWAL", rejection: nil, batch: batch))
    case .transferRejected(let rejected):
      changes.transferRows.append(
        Self.transferRow(
          rejected.transfer, kind: rejected.isWithdrawal ? "WITHDRAWAL" : "DEPOSIT",
          rejection: rejected.reason,
          batch: batch))
    case .orderAccepted(let accepted):
      try accept(accepted, batch: batch)
    case .orderRejected(let rejected):
      changes.orderRejectionRows.append(Self.orderRejectionRow(rejected, batch: batch))
    case .trade(let trade):
      try fill(trade, batch: batch)
    case .orderFilled(let filled):
      try end(orderId: filled.orderId, status: .filled, reason: nil, remaining: nil, batch: batch)
    case .orderCanceled(let canceled):
      try end(
        orderId: canceled.orderId, status: .canceled, reason: canceled.reason, remaining: canceled.remaining,
        batch: batch)
    case .orderReduced(let reduced):
      try reduce(reduced, batch: batch)
    case .commandRejected(let rejected):
      changes.commandRejectionRows.append(Self.commandRejectionRow(rejected, batch: batch))
    case .balanceChanged(let changed):
      changeBalance(changed, batch: batch)
    }
  }

  // MARK: - Orders

  private mutating func accept(_ accepted: OrderAccepted, batch: EventBatchRecord) throws(ProjectionError) {
    guard openOrders[accepted.orderId] == nil else {
      throw .eventDoesNotFit(seq: batch.seq, detail: "order \(accepted.orderId) is accepted a second time")
    }
    openOrders[accepted.orderId] = ProjectedOrder(
      accepted: accepted, seq: batch.seq, timeMilliseconds: batch.timestamp)
    touch(accepted.orderId)
  }

  private mutating func fill(_ trade: Trade, batch: EventBatchRecord) throws(ProjectionError) {
    changes.tradeRows.append(Self.tradeRow(trade, batch: batch))
    for orderId in [trade.makerOrderId, trade.takerOrderId] {
      var order = try openOrder(orderId, batch: batch)
      order.filled += trade.quantity
      order.remaining -= trade.quantity
      if order.isResting {
        adjustLevel(order.levelKey, quantity: -trade.quantity, orderCount: 0)
      }
      store(order, batch: batch)
    }
  }

  /// A fill completed the order, or it was cancelled with `remaining` lots open.
  private mutating func end(
    orderId: UInt64, status: ProjectedOrder.Status, reason: CancelReason?, remaining: Int64?,
    batch: EventBatchRecord
  ) throws(ProjectionError) {
    var order = try openOrder(orderId, batch: batch)
    if order.isResting {
      adjustLevel(order.levelKey, quantity: -order.remaining, orderCount: -1)
      order.isResting = false
    }
    order.status = status
    order.cancelReason = reason
    if let remaining { order.remaining = remaining }
    store(order, batch: batch)
  }

  private mutating func reduce(_ reduced: OrderReduced, batch: EventBatchRecord) throws(ProjectionError) {
    var order = try openOrder(reduced.orderId, batch: batch)
    if order.isResting {
      adjustLevel(order.levelKey, quantity: reduced.remaining - order.remaining, orderCount: 0)
    }
    order.remaining = reduced.remaining
    store(order, batch: batch)
  }

  /// Rests the orders this batch accepted that are still open, records every order it changed, and
  /// forgets the ones that ended.
  private mutating func endBatch(_ batch: EventBatchRecord) throws(ProjectionError) {
    for orderId in batchOrderIds {
      // Orders that ended in this batch are still held here, until just below.
      guard var order = openOrders[orderId] else {
        throw .eventDoesNotFit(seq: batch.seq, detail: "order \(orderId) vanished during its batch")
      }
      if order.status == .open && !order.isResting {
        order.isResting = true
        adjustLevel(order.levelKey, quantity: order.remaining, orderCount: 1)
        openOrders[orderId] = order
      }
      changes.record(order)
      if order.status != .open {
        openOrders[orderId] = nil
      }
    }
    batchOrderIds.removeAll(keepingCapacity: true)
    batchOrderIdSet.removeAll(keepingCapacity: true)
  }

  private func openOrder(_ orderId: UInt64, batch: EventBatchRecord) throws(ProjectionError) -> ProjectedOrder
  {
    guard let order = openOrders[orderId], order.status == .open else {
      throw .eventDoesNotFit(seq: batch.seq, detail: "order \(orderId) is not open")
    }
    return order
  }

  private mutating func store(_ order: ProjectedOrder, batch: EventBatchRecord) {
    var order = order
    order.updatedSeq = batch.seq
    order.updatedTimeMilliseconds = batch.timestamp
    openOrders[order.orderId] = order
    touch(order.orderId)
  }

  private mutating func touch(_ orderId: UInt64) {
    if batchOrderIdSet.insert(orderId).inserted {
      batchOrderIds.append(orderId)
    }
  }

  private mutating func adjustLevel(_ key: BookLevelKey, quantity: Int64, orderCount: Int) {
    var totals = levels[key] ?? BookLevelTotals(quantity: 0, orderCount: 0)
    totals.quantity += quantity
    totals.orderCount += orderCount
    levels[key] = totals.orderCount == 0 ? nil : totals
    changes.recordLevel(key)
  }

  // MARK: - Balances

  private mutating func changeBalance(_ changed: BalanceChanged, batch: EventBatchRecord) {
    let key = BalanceKey(account: changed.account, asset: changed.asset)
    let before = balances[key] ?? .zero
    let after = Balance(available: changed.available, held: changed.held)
    balances[key] = after
    changes.recordBalance(key, seq: batch.seq)
    var row = CopyRow()
    row.add(batch.seq)
    row.add(changed.account)
    row.add(changed.asset)
    // Both values lie in 0…Int64.max, so their difference fits an Int64.
    row.add(after.available - before.available)
    row.add(after.held - before.held)
    row.add(after.available)
    row.add(after.held)
    row.add(batch.timestamp)
    changes.ledgerRows.append(row.text)
  }
}
