extension Engine {
  /// The whole state as a canonical, versioned snapshot body (see `SnapshotFormat`).
  public func encodeSnapshotBody() -> [UInt8] { core.encodeSnapshotBody() }

  /// SHA-256 of the canonical encoding of the whole state: equal for equal states, whatever the
  /// process, the order things were stored in, or whether the engine was decoded from a snapshot.
  /// `blockCompression` as `SHA256` takes it (a faster one, same digest); the core has none.
  public func stateHash(blockCompression: SHA256.BlockCompression? = nil) -> [UInt8] {
    core.stateHash(blockCompression: blockCompression)
  }

  /// Rebuilds an engine from a snapshot body written by `encodeSnapshotBody`, limits included. The
  /// bytes are untrusted: decoding validates everything (see `EngineCore.init(snapshotBody:)`) and
  /// throws rather than traps.
  public init(snapshotBody bytes: [UInt8]) throws(SnapshotDecodingError) {
    self.init(core: try EngineCore(snapshotBody: bytes))
  }
}

extension EngineCore {
  func encodeSnapshotBody() -> [UInt8] {
    var writer = SnapshotWriter(sink: ByteArraySink())
    encode(into: &writer)
    return writer.sink.bytes
  }

  func stateHash(blockCompression: SHA256.BlockCompression? = nil) -> [UInt8] {
    var writer = SnapshotWriter(sink: HashingSink(blockCompression: blockCompression))
    encode(into: &writer)
    return writer.sink.finalize()
  }

  func encode<Sink: SnapshotSink>(into writer: inout SnapshotWriter<Sink>) {
    for byte in SnapshotFormat.magic { writer.write(byte) }
    writer.write(SnapshotFormat.version)
    for limit in limits.inDeclarationOrder { writer.write(UInt64(limit)) }
    writer.write(lastTimestamp)
    writer.write(nextOrderId)
    writer.write(nextTradeId)
    encodeAssets(into: &writer)
    let marketOrder = marketStates.indices.sorted {
      marketStates[$0].parameters.market < marketStates[$1].parameters.market
    }
    encodeMarkets(marketOrder, into: &writer)
    encodeAccounts(into: &writer)
    for market in marketOrder {
      for side in [Side.buy, .sell] {
        encodeBookSide(market: Int32(market), side: side, into: &writer)
      }
    }
  }

  private func encodeAssets<Sink: SnapshotSink>(into writer: inout SnapshotWriter<Sink>) {
    let assets = ledger.assets.elements.sorted { $0.name < $1.name }
    writer.writeCount(assets.count)
    for asset in assets {
      writer.write(asset.name)
      writer.write(asset.total)
    }
  }

  private func encodeMarkets<Sink: SnapshotSink>(_ order: [Int], into writer: inout SnapshotWriter<Sink>) {
    writer.writeCount(order.count)
    for index in order {
      let parameters = marketStates[index].parameters
      writer.write(parameters.market)
      writer.write(parameters.base)
      writer.write(parameters.quote)
      writer.write(parameters.lotSize)
      writer.write(parameters.tickSize)
      writer.write(parameters.minQuantity)
      writer.write(parameters.makerFeeBps)
      writer.write(parameters.takerFeeBps)
    }
  }

  private func encodeAccounts<Sink: SnapshotSink>(into writer: inout SnapshotWriter<Sink>) {
    let accountCount = accounts.accounts.count
    var balancesByAccount = [[Int32]](repeating: [], count: accountCount)
    var accountOfId: [UInt64: Int32] = [:]
    for index in 0..<accountCount { accountOfId[accounts.accounts[index].id] = Int32(index) }
    for slot in ledger.slots.indices {
      balancesByAccount[Int(accountOfId[ledger.slots[slot].account]!)].append(Int32(slot))
    }
    var transferIdsByAccount = [[UInt64]](repeating: [], count: accountCount)
    accounts.forEachTransferIdUnordered { account, transferId in
      transferIdsByAccount[Int(account)].append(transferId)
    }
    let order = (0..<accountCount).sorted { accounts.accounts[$0].id < accounts.accounts[$1].id }
    writer.writeCount(accountCount)
    for account in order {
      writer.write(accounts.accounts[account].id)
      let slots = balancesByAccount[account].sorted {
        ledger.assetName(ledger.slots[Int($0)].asset) < ledger.assetName(ledger.slots[Int($1)].asset)
      }
      writer.writeCount(slots.count)
      for slot in slots {
        let balance = ledger.slots[Int(slot)]
        writer.write(ledger.assetName(balance.asset))
        writer.write(balance.available)
        writer.write(balance.held)
        writer.write(UInt8(balance.hasBeenNonZero ? 1 : 0))
      }
      let recent = accounts.recentClientOrderIds(account: Int32(account))
      writer.writeCount(recent.count)
      for clientOrderId in recent { writer.write(clientOrderId) }
      let transferIds = transferIdsByAccount[account].sorted()
      writer.writeCount(transferIds.count)
      for transferId in transferIds { writer.write(transferId) }
    }
  }

  private func encodeBookSide<Sink: SnapshotSink>(
    market: Int32, side: Side, into writer: inout SnapshotWriter<Sink>
  ) {
    let bookSide = books.sides[OrderBooks.sideIndex(market: market, side: side)]
    writer.writeCount(bookSide.count)
    for rank in 0..<bookSide.count {
      let level = books.level(bookSide.levelBestFirst(rank))
      writer.write(level.price)
      writer.writeCount(Int(level.orderCount))
      var slot = level.firstOrder
      while slot >= 0 {
        let order = books[slot]
        writer.write(order.orderId)
        writer.write(accountId(order.account))
        writer.write(order.clientOrderId)
        writer.write(order.remaining)
        writer.write(order.held)
        slot = order.queueNext
      }
    }
  }
}

extension EngineLimits {
  var inDeclarationOrder: [Int] {
    [
      marketsMax, accountsMax, balancesMax, openOrdersMax, openOrdersPerAccountMax, priceLevelsPerSideMax,
      clientOrderIdWindow, recentOrdersMax, transferIdsPerAccountMax, transferIdsMax,
    ]
  }

  init(declarationOrder values: [Int]) {
    precondition(values.count == 10, "EngineLimits has ten limits")
    self.init(
      marketsMax: values[0], accountsMax: values[1], balancesMax: values[2], openOrdersMax: values[3],
      openOrdersPerAccountMax: values[4], priceLevelsPerSideMax: values[5], clientOrderIdWindow: values[6],
      recentOrdersMax: values[7], transferIdsPerAccountMax: values[8], transferIdsMax: values[9])
  }
}
