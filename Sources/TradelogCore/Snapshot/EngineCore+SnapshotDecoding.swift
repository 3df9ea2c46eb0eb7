extension EngineCore {
  /// Rebuilds an engine from a snapshot body written by `encodeSnapshotBody`, limits included.
  ///
  /// The bytes are untrusted: every field is bounds-checked and every invariant the engine relies on
  /// is validated (sorted and unique names and ids, valid market parameters, books in strict priority
  /// order and not crossed, holds that cover what resting orders need, held balances equal to their
  /// orders' holds, each asset's balances summing to its total, counts within the limits), so a
  /// decoded engine behaves exactly as the one that wrote the bytes, or decoding throws.
  convenience init(snapshotBody bytes: [UInt8]) throws(SnapshotDecodingError) {
    var reader = SnapshotReader(bytes)
    for byte in SnapshotFormat.magic {
      guard reader.remainingByteCount > 0, try reader.read(UInt8.self) == byte else {
        throw .notASnapshotBody
      }
    }
    let version = try reader.read(UInt16.self)
    guard version == SnapshotFormat.version else { throw .unsupportedVersion(version) }
    var limitValues: [Int] = []
    for _ in 0..<10 {
      let value = try reader.read(UInt64.self)
      limitValues.append(value > UInt64(Int.max) ? -1 : Int(value))
    }
    let limits = EngineLimits(declarationOrder: limitValues)
    if let problem = limits.problem { throw reader.invalid("unusable limits: \(problem)") }
    self.init(limits: limits)
    lastTimestamp = try reader.read(Int64.self)
    nextOrderId = try reader.read(UInt64.self)
    nextTradeId = try reader.read(UInt64.self)
    guard nextOrderId >= 1, nextTradeId >= 1 else { throw reader.invalid("order and trade ids start at 1") }
    try decodeAssets(&reader)
    let marketOrder = try decodeMarkets(&reader)
    // Ids go into the indices after everything is read, all at once in bucket order: inserted one by
    // one, a million orders cost a cache miss each (the tables are tens of MiB) and several growths.
    var recentKeys: [ClientOrderKey] = []
    try decodeAccounts(&reader, recentKeys: &recentKeys)
    try attachFeeBalances(&reader)
    // Every order takes `orderByteCount` bytes and little else follows, so the bytes left bound the
    // orders: make room for them at once.
    books.reserve(orderCount: reader.remainingByteCount / SnapshotFormat.orderByteCount)
    var restingOrders: [OrderIdIndex.OrderSlot] = []
    restingOrders.reserveCapacity(reader.remainingByteCount / SnapshotFormat.orderByteCount)
    var heldByBalance = [Int64](repeating: 0, count: ledger.slots.count)
    for market in marketOrder {
      for side in [Side.buy, .sell] {
        try decodeBookSide(
          market: market, side: side, from: &reader, restingOrders: &restingOrders,
          heldByBalance: &heldByBalance)
      }
      try checkNotCrossed(market: market, &reader)
    }
    guard reader.remainingByteCount == 0 else { throw .trailingBytes(count: reader.remainingByteCount) }
    guard books.indexDecodedOrders(restingOrders) else { throw reader.invalid("an order id is repeated") }
    guard accounts.indexDecodedRecentOrders(recentKeys) else {
      throw reader.invalid("recent clientOrderIds are non-zero and unique")
    }
    try linkRestingOrders(restingOrders, &reader)
    try checkHoldsAndTotals(heldByBalance, &reader)
  }

  private func decodeAssets(_ reader: inout SnapshotReader) throws(SnapshotDecodingError) {
    let count = try reader.readCount(itemByteCount: 10)
    guard count <= 2 * limits.marketsMax else { throw reader.invalid("\(count) assets exceed the limits") }
    var previous: Symbol?
    for _ in 0..<count {
      let name = try reader.readSymbol()
      let total = try reader.read(Int64.self)
      guard name.isValidAssetName else { throw reader.invalid("asset name \(name) is not valid") }
      guard previous.map({ $0 < name }) ?? true else { throw reader.invalid("assets are not sorted by name") }
      guard total >= 0 else { throw reader.invalid("asset \(name) has a negative total") }
      previous = name
      let asset = ledger.addAsset(named: name)
      ledger.restoreTotal(of: asset, to: total)
    }
  }

  /// Returns the market indices in the order their books follow.
  private func decodeMarkets(_ reader: inout SnapshotReader) throws(SnapshotDecodingError) -> [Int32] {
    let count = try reader.readCount(itemByteCount: 35)
    guard count <= limits.marketsMax else { throw reader.invalid("\(count) markets exceed marketsMax") }
    var previous: Symbol?
    var namedAssets = Set<Symbol>()
    var order: [Int32] = []
    for _ in 0..<count {
      let parameters = CreateMarket(
        market: try reader.readSymbol(), base: try reader.readSymbol(), quote: try reader.readSymbol(),
        lotSize: try reader.read(Int64.self), tickSize: try reader.read(Int64.self),
        minQuantity: try reader.read(Int64.self), makerFeeBps: try reader.read(Int32.self),
        takerFeeBps: try reader.read(Int32.self))
      guard Self.isWellFormed(parameters) else {
        throw reader.invalid("market \(parameters.market) is malformed")
      }
      guard previous.map({ $0 < parameters.market }) ?? true else {
        throw reader.invalid("markets are not sorted by name")
      }
      previous = parameters.market
      guard let base = ledger.asset(named: parameters.base), let quote = ledger.asset(named: parameters.quote)
      else { throw reader.invalid("market \(parameters.market) names an asset that is not listed") }
      namedAssets.insert(parameters.base)
      namedAssets.insert(parameters.quote)
      order.append(Int32(marketStates.count))
      addMarket(MarketState(parameters: parameters, baseAsset: base, quoteAsset: quote, feeBalance: -1))
    }
    guard namedAssets.count == ledger.assets.count else {
      throw reader.invalid("an asset is listed that no market names")
    }
    return order
  }

  private func decodeAccounts(
    _ reader: inout SnapshotReader, recentKeys: inout [ClientOrderKey]
  ) throws(SnapshotDecodingError) {
    let count = try reader.readCount(itemByteCount: 20)
    guard count >= 1, count - 1 <= limits.accountsMax else {
      throw reader.invalid("\(count) accounts: the fee account and at most accountsMax others")
    }
    for position in 0..<count {
      let id = try reader.read(UInt64.self)
      guard (position == 0) == (id == 0) else { throw reader.invalid("the fee account 0 comes first, once") }
      if position > 0 {
        guard id > accounts[Int32(position - 1)].id else {
          throw reader.invalid("accounts are not sorted by id")
        }
        _ = accounts.add(id)
      }
      let account = Int32(position)
      try decodeBalances(account: account, id: id, &reader)
      try decodeRecentOrders(account: account, &reader, recentKeys: &recentKeys)
      try decodeTransferIds(account: account, &reader)
    }
  }

  private func decodeBalances(
    account: Int32, id: UInt64, _ reader: inout SnapshotReader
  ) throws(SnapshotDecodingError) {
    let count = try reader.readCount(itemByteCount: 19)
    var previous: Symbol?
    for _ in 0..<count {
      let name = try reader.readSymbol()
      let available = try reader.read(Int64.self)
      let held = try reader.read(Int64.self)
      let flag = try reader.read(UInt8.self)
      guard let asset = ledger.asset(named: name) else {
        throw reader.invalid("balance of unknown asset \(name)")
      }
      guard previous.map({ $0 < name }) ?? true else {
        throw reader.invalid("balances are not sorted by asset")
      }
      previous = name
      guard available >= 0, held >= 0, flag <= 1, flag == 1 || (available == 0 && held == 0) else {
        throw reader.invalid("balance of account \(id) in \(name) is impossible")
      }
      guard id == 0 || ledger.clientSlotCount < limits.balancesMax else {
        throw reader.invalid("balances exceed balancesMax")
      }
      let slot = ledger.addSlot(account: account, accountId: id, asset: asset)
      ledger.restore(slot, available: available, held: held, hasBeenNonZero: flag == 1)
    }
  }

  /// Links the account's recent clientOrderIds and collects them for indexing (which finds repeats).
  private func decodeRecentOrders(
    account: Int32, _ reader: inout SnapshotReader, recentKeys: inout [ClientOrderKey]
  ) throws(SnapshotDecodingError) {
    let count = try reader.readCount(itemByteCount: 8)
    guard account != 0 || count == 0 else { throw reader.invalid("the fee account places no orders") }
    guard count <= limits.clientOrderIdWindow, accounts.recentOrderCount + count <= limits.recentOrdersMax
    else {
      throw reader.invalid("recent clientOrderIds exceed the window or recentOrdersMax")
    }
    for _ in 0..<count {
      let clientOrderId = try reader.read(UInt64.self)
      guard clientOrderId != 0 else { throw reader.invalid("recent clientOrderIds are non-zero and unique") }
      accounts.appendDecodedRecentOrder(clientOrderId: clientOrderId, account: account)
      recentKeys.append(ClientOrderKey(clientOrderId: clientOrderId, account: account))
    }
  }

  private func decodeTransferIds(account: Int32, _ reader: inout SnapshotReader) throws(SnapshotDecodingError)
  {
    let count = try reader.readCount(itemByteCount: 8)
    guard account != 0 || count == 0 else { throw reader.invalid("the fee account makes no transfers") }
    guard count <= limits.transferIdsPerAccountMax, accounts.transferIdCount + count <= limits.transferIdsMax
    else {
      throw reader.invalid("transfer ids exceed the limits")
    }
    var previous: UInt64 = 0
    for _ in 0..<count {
      let transferId = try reader.read(UInt64.self)
      guard transferId > previous else { throw reader.invalid("transfer ids are non-zero and ascending") }
      previous = transferId
      accounts.use(transferId: transferId, account: account)
    }
  }

  /// Every market's fees go to the fee account's balance of its quote asset, which createMarket made.
  private func attachFeeBalances(_ reader: inout SnapshotReader) throws(SnapshotDecodingError) {
    for market in marketStates.indices {
      guard
        let slot = ledger.slot(account: AccountRegistry.feeAccount, asset: marketStates[market].quoteAsset)
      else { throw reader.invalid("the fee account has no balance of a market's quote asset") }
      marketStates[market].feeBalance = slot
    }
  }

  private func decodeBookSide(
    market: Int32, side: Side, from reader: inout SnapshotReader,
    restingOrders: inout [OrderIdIndex.OrderSlot], heldByBalance: inout [Int64]
  ) throws(SnapshotDecodingError) {
    let parameters = marketStates[Int(market)].parameters
    let levelCount = try reader.readCount(itemByteCount: 12 + SnapshotFormat.orderByteCount)
    guard levelCount <= limits.priceLevelsPerSideMax else { throw reader.invalid("too many price levels") }
    var previousPrice: Int64?
    for _ in 0..<levelCount {
      let price = try reader.read(Int64.self)
      guard price > 0, price % parameters.tickSize == 0 else { throw reader.invalid("level price \(price)") }
      if let previousPrice {
        guard side == .buy ? price < previousPrice : price > previousPrice else {
          throw reader.invalid("levels are not in strict priority order")
        }
      }
      previousPrice = price
      let orderCount = try reader.readCount(itemByteCount: SnapshotFormat.orderByteCount)
      guard orderCount >= 1 else { throw reader.invalid("an empty price level") }
      var levelQuantity: Int64 = 0
      var previousOrderId: UInt64 = 0
      for _ in 0..<orderCount {
        let order = try decodeRestingOrder(market: market, side: side, price: price, &reader)
        guard order.orderId > previousOrderId else {
          throw reader.invalid("a level's orders are not by arrival")
        }
        previousOrderId = order.orderId
        let (quantity, overflow) = levelQuantity.addingReportingOverflow(order.remaining)
        let (held, heldOverflow) = heldByBalance[Int(order.heldBalance)].addingReportingOverflow(order.held)
        guard !overflow, !heldOverflow else { throw reader.invalid("a level's or a balance's sum overflows") }
        levelQuantity = quantity
        heldByBalance[Int(order.heldBalance)] = held
        guard books.openOrderCount < limits.openOrdersMax else {
          throw reader.invalid("too many open orders")
        }
        let slot = books.restUnindexed(order, price: price)
        restingOrders.append(OrderIdIndex.OrderSlot(orderId: order.orderId, slot: slot))
      }
    }
  }

  private func decodeRestingOrder(
    market: Int32, side: Side, price: Int64, _ reader: inout SnapshotReader
  ) throws(SnapshotDecodingError) -> RestingOrder {
    let state = marketStates[Int(market)]
    let orderId = try reader.read(UInt64.self)
    let accountId = try reader.read(UInt64.self)
    let clientOrderId = try reader.read(UInt64.self)
    let remaining = try reader.read(Int64.self)
    let held = try reader.read(Int64.self)
    // A repeated id is found when the orders are indexed, after the books are read.
    guard orderId != 0, orderId < nextOrderId else {
      throw reader.invalid("order id \(orderId) is unassigned or repeated")
    }
    guard accountId != 0, let account = accounts.index(of: accountId) else {
      throw reader.invalid("order \(orderId) names an unknown account")
    }
    guard clientOrderId != 0, remaining > 0 else { throw reader.invalid("order \(orderId) is malformed") }
    let (notional, notionalOverflow) = price.multipliedReportingOverflow(by: remaining)
    let (baseUnits, baseOverflow) = remaining.multipliedReportingOverflow(by: state.parameters.lotSize)
    guard !notionalOverflow, !baseOverflow else { throw reader.invalid("order \(orderId) overflows") }
    if side == .buy {
      guard let needed = FeeArithmetic.notionalWithFee(notional, basisPoints: state.holdFeeBasisPoints),
        held >= needed
      else { throw reader.invalid("buy order \(orderId) holds less than it needs") }
    } else {
      guard held == baseUnits else {
        throw reader.invalid("sell order \(orderId) holds other than its base units")
      }
    }
    guard let base = ledger.slot(account: account, asset: state.baseAsset),
      let quote = ledger.slot(account: account, asset: state.quoteAsset)
    else { throw reader.invalid("order \(orderId)'s account lacks a balance of the market's assets") }
    return RestingOrder(
      orderId: orderId, clientOrderId: clientOrderId, remaining: remaining, held: held, queuePrevious: -1,
      queueNext: -1, accountPrevious: -1, accountNext: -1, level: -1, account: account,
      heldBalance: side == .buy ? quote : base, creditBalance: side == .buy ? base : quote, market: market,
      side: side)
  }

  private func checkNotCrossed(market: Int32, _ reader: inout SnapshotReader) throws(SnapshotDecodingError) {
    guard let bid = books.bestLevel(market: market, side: .buy),
      let ask = books.bestLevel(market: market, side: .sell)
    else { return }
    guard books.level(bid).price < books.level(ask).price else { throw reader.invalid("a crossed book") }
  }

  /// Links resting orders to their accounts in ascending orderId, as the engine keeps them, then
  /// records each order's clientOrderId in bucket order.
  private func linkRestingOrders(
    _ restingOrders: [OrderIdIndex.OrderSlot], _ reader: inout SnapshotReader
  ) throws(SnapshotDecodingError) {
    // Account by account (ascending orderId within each), so that the account's last order, which
    // each link writes to, is still in cache. `restingOrders` is in slot order: reading it here is
    // sequential.
    let owned = restingOrders.map { (orderId: $0.orderId, slot: $0.slot, account: books[$0.slot].account) }
    let byOrderId = RadixSort.sorted(owned, keysBelow: nextOrderId, by: { $0.orderId })
    let byAccount = RadixSort.sorted(byOrderId, keysBelow: UInt64(accounts.accounts.count)) {
      UInt64($0.account)
    }
    for entry in byAccount {
      guard Int(accounts[entry.account].openOrderCount) < limits.openOrdersPerAccountMax else {
        throw reader.invalid("an account has more than openOrdersPerAccountMax open orders")
      }
      books.linkToAccount(entry.slot, &accounts[entry.account])
    }
    let byBucket = accounts.sortedByClientOrderBucket(restingOrders) {
      ClientOrderKey(clientOrderId: books[$0.slot].clientOrderId, account: books[$0.slot].account)
    }
    for entry in byBucket {
      let order = books[entry.slot]
      guard accounts.markOpen(clientOrderId: order.clientOrderId, account: order.account, slot: entry.slot)
      else {
        throw reader.invalid("two open orders of one account share clientOrderId \(order.clientOrderId)")
      }
    }
  }

  /// Held balances equal the holds of their resting orders, and each asset's balances sum to its
  /// total (SEMANTICS.md, conservation).
  private func checkHoldsAndTotals(
    _ heldByBalance: [Int64], _ reader: inout SnapshotReader
  ) throws(SnapshotDecodingError) {
    var sums = [Int64](repeating: 0, count: ledger.assets.count)
    for (slot, balance) in ledger.slots.elements.enumerated() {
      guard balance.held == heldByBalance[slot] else {
        throw reader.invalid("account \(balance.account) holds other than its orders' holds")
      }
      let (both, overflow) = balance.available.addingReportingOverflow(balance.held)
      let (sum, sumOverflow) = sums[Int(balance.asset)].addingReportingOverflow(both)
      guard !overflow, !sumOverflow else { throw reader.invalid("balances overflow") }
      sums[Int(balance.asset)] = sum
    }
    for (asset, sum) in sums.enumerated() where sum != ledger.assets[asset].total {
      throw reader.invalid("balances of \(ledger.assets[asset].name) do not sum to its total")
    }
  }
}
