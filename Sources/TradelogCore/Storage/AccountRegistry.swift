/// One account's bookkeeping apart from its balances.
struct AccountState {
  var id: UInt64
  /// The account's resting orders, linked through `RestingOrder.accountPrevious/Next` in ascending
  /// orderId (the order cancelAll reports them in).
  var firstOpenOrder: Int32 = -1
  var lastOpenOrder: Int32 = -1
  var openOrderCount: Int32 = 0
  /// The clientOrderIds of its most recent accepted orders, oldest first, linked through
  /// `RecentOrderNode.next`.
  var oldestRecentOrder: Int32 = -1
  var newestRecentOrder: Int32 = -1
  var recentOrderCount: Int32 = 0
  var transferIdCount: Int32 = 0
  /// The market of the account's last order and the account's balances of that market's base and
  /// quote assets: an account's orders mostly name the market of its previous one, and reading
  /// three numbers here is cheaper than two lookups in the ledger's index. Not state: a cache of the
  /// ledger (balances are never removed, so an entry never goes stale); −1 when empty.
  var cachedMarket: Int32 = -1
  var cachedBaseBalance: Int32 = -1
  var cachedQuoteBalance: Int32 = -1

  init(id: UInt64) {
    self.id = id
  }
}

/// One remembered clientOrderId in an account's window of recent orders.
struct RecentOrderNode {
  var clientOrderId: UInt64
  var next: Int32
}

/// What the engine knows about an (account, clientOrderId): the resting order that carries it, if
/// any, and whether it is among the account's recent accepted orders. Either reserves the id.
///
/// Packed into 32 bits (slot + 1 in the low 31, "recent" in the top bit) so that a bucket of the
/// clientOrderId index is 16 bytes: that index holds every recent order of every account and is
/// the engine's largest, most randomly accessed table.
struct ClientOrderEntry {
  private var packed: UInt32

  init(openSlot: Int32, isRecent: Bool) {
    precondition(openSlot >= -1 && openSlot < Int32.max, "slots fit 31 bits")
    packed = UInt32(openSlot + 1) | (isRecent ? 1 << 31 : 0)
  }

  var openSlot: Int32 {
    get { Int32(packed & 0x7FFF_FFFF) - 1 }
    set { self = ClientOrderEntry(openSlot: newValue, isRecent: isRecent) }
  }

  var isRecent: Bool {
    get { packed & (1 << 31) != 0 }
    set { self = ClientOrderEntry(openSlot: openSlot, isRecent: newValue) }
  }
}

typealias ClientOrderInsertionPoint = HashIndex<ClientOrderKey, ClientOrderEntry>.InsertionPoint

/// Accounts, and the ids they have used: the window of recent clientOrderIds (DUPLICATE_ID for
/// orders), the clientOrderIds of resting orders (cancel by clientOrderId) and every transfer id
/// (DUPLICATE_ID for transfers, forever).
///
/// The fee account 0 is always index 0 and is never looked up by id: commands that name it are
/// MALFORMED.
struct AccountRegistry {
  private(set) var accounts = Column<AccountState>(repeating: AccountState(id: 0), count: 1)
  private var accountIndex = HashIndex<AccountIdKey, Int32>()
  private var recentNodes = Column<RecentOrderNode>()
  private var freeRecentNode: Int32 = -1
  private(set) var recentOrderCount = 0
  private var clientOrders = HashIndex<ClientOrderKey, ClientOrderEntry>()
  private var transferIds = HashIndex<TransferKey, Bool>()

  static let feeAccount: Int32 = 0

  func duplicated() -> AccountRegistry {
    var copy = self
    copy.accounts = accounts.duplicated()
    copy.accountIndex = accountIndex.duplicated()
    copy.recentNodes = recentNodes.duplicated()
    copy.clientOrders = clientOrders.duplicated()
    copy.transferIds = transferIds.duplicated()
    return copy
  }

  mutating func deallocate() {
    accounts.deallocate()
    accountIndex.deallocate()
    recentNodes.deallocate()
    clientOrders.deallocate()
    transferIds.deallocate()
  }

  /// Accounts other than the fee account.
  @inline(__always)
  var clientAccountCount: Int { accounts.count - 1 }

  var transferIdCount: Int { transferIds.count }

  @inline(__always)
  subscript(account: Int32) -> AccountState {
    get { accounts[Int(account)] }
    nonmutating _modify { yield &accounts[Int(account)] }
  }

  @inline(__always)
  func index(of accountId: UInt64) -> Int32? {
    precondition(accountId != 0, "the fee account is never looked up by id")
    return accountIndex.value(for: AccountIdKey(account: accountId))
  }

  mutating func add(_ accountId: UInt64) -> Int32 {
    let index = Int32(accounts.count)
    accounts.append(AccountState(id: accountId))
    accountIndex.insert(AccountIdKey(account: accountId), value: index)
    return index
  }

  // MARK: Transfer ids

  @inline(__always)
  func hasUsed(transferId: UInt64, account: Int32) -> Bool {
    transferIds.contains(TransferKey(transferId: transferId, account: account))
  }

  mutating func use(transferId: UInt64, account: Int32) {
    transferIds.insert(TransferKey(transferId: transferId, account: account), value: true)
    accounts[Int(account)].transferIdCount += 1
  }

  /// Every (account index, transfer id), in no particular order.
  func forEachTransferIdUnordered(_ body: (Int32, UInt64) -> Void) {
    transferIds.forEachUnordered { key, _ in body(key.account, key.transferId) }
  }

  // MARK: Client order ids

  /// Where an unreserved clientOrderId of the account would be remembered, or nil when it is
  /// reserved (carried by a resting order of the account or by one of its recent accepted orders): `remember(…, at:)` then stores it without probing the index again (unless the index
  /// changed in between, as a match that closes resting orders changes it).
  @inline(__always)
  func insertionPoint(clientOrderId: UInt64, account: Int32) -> ClientOrderInsertionPoint? {
    let (position, point) = clientOrders.lookup(
      ClientOrderKey(clientOrderId: clientOrderId, account: account))
    return position == nil ? point : nil
  }

  /// The resting order of the account that carries the clientOrderId.
  @inline(__always)
  func openOrder(clientOrderId: UInt64, account: Int32) -> Int32? {
    guard let entry = clientOrders.value(for: ClientOrderKey(clientOrderId: clientOrderId, account: account)),
      entry.openSlot >= 0
    else { return nil }
    return entry.openSlot
  }

  /// Whether remembering one more accepted order of the account needs a new window node, rather
  /// than reusing the one of its oldest remembered order.
  @inline(__always)
  func rememberingNeedsNode(account: Int32, window: Int) -> Bool {
    Int(accounts[Int(account)].recentOrderCount) < window
  }

  /// Remembers an accepted order's clientOrderId as the account's newest, forgetting its oldest
  /// once the window is full; `openSlot` is the order's slot if it rests, else −1. The clientOrderId
  /// must not be reserved.
  mutating func remember(
    clientOrderId: UInt64, account: Int32, window: Int, openSlot: Int32, at point: ClientOrderInsertionPoint
  ) {
    // Inserted first, while `point` is still current: forgetting the oldest changes the table, and
    // the insertion would then probe again from the home bucket.
    clientOrders.insert(
      ClientOrderKey(clientOrderId: clientOrderId, account: account),
      value: ClientOrderEntry(openSlot: openSlot, isRecent: true), at: point)
    if Int(accounts[Int(account)].recentOrderCount) >= window { forgetOldest(account: account) }
    appendRecent(clientOrderId: clientOrderId, account: account)
  }

  /// Links a clientOrderId as the account's newest recent order, without indexing it.
  @inline(__always)
  private mutating func appendRecent(clientOrderId: UInt64, account: Int32) {
    let node: Int32
    if freeRecentNode >= 0 {
      node = freeRecentNode
      freeRecentNode = recentNodes[Int(node)].next
      recentNodes[Int(node)] = RecentOrderNode(clientOrderId: clientOrderId, next: -1)
    } else {
      node = Int32(recentNodes.count)
      recentNodes.append(RecentOrderNode(clientOrderId: clientOrderId, next: -1))
    }
    let newest = accounts[Int(account)].newestRecentOrder
    if newest >= 0 {
      recentNodes[Int(newest)].next = node
    } else {
      accounts[Int(account)].oldestRecentOrder = node
    }
    accounts[Int(account)].newestRecentOrder = node
    accounts[Int(account)].recentOrderCount &+= 1
    recentOrderCount &+= 1
  }

  // MARK: Decoding a snapshot

  /// Appends a decoded snapshot's recent clientOrderId to its account's window (which the snapshot
  /// keeps within the window), leaving the indexing to `indexDecodedRecentOrders`.
  mutating func appendDecodedRecentOrder(clientOrderId: UInt64, account: Int32) {
    appendRecent(clientOrderId: clientOrderId, account: account)
  }

  /// Indexes a decoded snapshot's recent clientOrderIds all at once, in bucket order; false when
  /// one repeats within its account.
  mutating func indexDecodedRecentOrders(_ keys: [ClientOrderKey]) -> Bool {
    clientOrders.reserve(clientOrders.count + keys.count)
    let recent = ClientOrderEntry(openSlot: -1, isRecent: true)
    for key in clientOrders.sortedByHome(keys, key: { $0 }) {
      // One probe per key: the lookup's insertion point stays valid (the table was reserved).
      let (position, point) = clientOrders.lookup(key)
      guard position == nil else { return false }
      clientOrders.insert(key, value: recent, at: point)
    }
    return true
  }

  /// `items` in the clientOrderId index's bucket order, for `markOpen` on many orders at once.
  func sortedByClientOrderBucket<Item>(_ items: [Item], key: (Item) -> ClientOrderKey) -> [Item] {
    clientOrders.sortedByHome(items, key: key)
  }

  private mutating func forgetOldest(account: Int32) {
    let node = accounts[Int(account)].oldestRecentOrder
    precondition(node >= 0, "a full window has an oldest order")
    let forgotten = recentNodes[Int(node)]
    accounts[Int(account)].oldestRecentOrder = forgotten.next
    if forgotten.next < 0 { accounts[Int(account)].newestRecentOrder = -1 }
    accounts[Int(account)].recentOrderCount &-= 1
    recentOrderCount &-= 1
    recentNodes[Int(node)].next = freeRecentNode
    freeRecentNode = node
    guard
      let position = clientOrders.position(
        of: ClientOrderKey(clientOrderId: forgotten.clientOrderId, account: account))
    else { preconditionFailure("every remembered clientOrderId is indexed") }
    if clientOrders[position: position].openSlot >= 0 {
      clientOrders[position: position].isRecent = false
    } else {
      clientOrders.remove(at: position)
    }
  }

  /// The account's remembered clientOrderIds, oldest first.
  func recentClientOrderIds(account: Int32) -> [UInt64] {
    var ids: [UInt64] = []
    var node = accounts[Int(account)].oldestRecentOrder
    while node >= 0 {
      ids.append(recentNodes[Int(node)].clientOrderId)
      node = recentNodes[Int(node)].next
    }
    return ids
  }

  /// Records that the resting order in `slot` carries the clientOrderId, for an order a decoded
  /// snapshot names (placement records it in `remember`); false, changing nothing, when another
  /// resting order of the account carries it already.
  mutating func markOpen(clientOrderId: UInt64, account: Int32, slot: Int32) -> Bool {
    let key = ClientOrderKey(clientOrderId: clientOrderId, account: account)
    let (position, point) = clientOrders.lookup(key)
    if let position {
      guard clientOrders[position: position].openSlot < 0 else { return false }
      clientOrders[position: position].openSlot = slot
    } else {
      clientOrders.insert(key, value: ClientOrderEntry(openSlot: slot, isRecent: false), at: point)
    }
    return true
  }

  /// Records that the resting order carrying the clientOrderId has left the book.
  @inline(__always)
  mutating func markClosed(clientOrderId: UInt64, account: Int32) {
    guard
      let position = clientOrders.position(of: ClientOrderKey(clientOrderId: clientOrderId, account: account))
    else { preconditionFailure("every resting order's clientOrderId is indexed") }
    if clientOrders[position: position].isRecent {
      clientOrders[position: position].openSlot = -1
    } else {
      clientOrders.remove(at: position)
    }
  }

  /// Bytes of index per clientOrderId entry, for reports on memory per order.
  var clientOrderIndexBytesPerEntry: Double { clientOrders.bytesPerEntry }
}
