/// An asset: its name and, per SEMANTICS.md, its total (Σ accepted deposits − Σ accepted
/// withdrawals), which every balance of the asset together must always equal.
struct AssetState {
  var name: Symbol
  var total: Int64
}

/// One (account, asset) balance.
struct BalanceSlot {
  var available: Int64
  var held: Int64
  var account: UInt64
  var asset: Int32
  /// Whether this balance was ever non-zero after a command: what `balances` lists. Balances the
  /// engine creates ahead of need (see `Ledger`) stay out of that list until they are used.
  var hasBeenNonZero: Bool
  /// The command during which this balance was last touched, to record its value before the command
  /// once (see `Ledger.touch`).
  var touchedStamp: UInt64
}

/// A balance as it was before the current command touched it.
struct TouchedBalance {
  var slot: Int32
  var account: UInt64
  var asset: Symbol
  var availableBefore: Int64
  var heldBefore: Int64

  /// SEMANTICS.md: balance changes are sorted by account, then by asset name in byte order.
  @inline(__always)
  func sortsBefore(_ other: TouchedBalance) -> Bool {
    account != other.account ? account < other.account : asset < other.asset
  }
}

/// All money: assets with their totals, (account, asset) balances, and the bookkeeping that turns
/// one command's balance movements into its `balanceChanged` events.
///
/// Every movement goes through a method here that first `touch`es the balance: the first touch in a
/// command records the value before it, so the end of the command can report exactly the balances
/// whose value differs, without scanning anything else.
///
/// The balances an order may receive into are created when the order is accepted (where a limit can
/// still reject it), so that matching never creates state it cannot refuse.
struct Ledger {
  private(set) var assets = Column<AssetState>()
  private var assetIndex = HashIndex<NameKey, Int32>()
  private(set) var slots = Column<BalanceSlot>()
  private var slotIndex = HashIndex<BalanceKey, Int32>()
  /// Balances of accounts other than the fee account, which `EngineLimits.balancesMax` bounds.
  private(set) var clientSlotCount = 0
  /// The balances touched by the current command: the first `touchedCount` entries. The array only
  /// grows; entries past the count are stale and overwritten, which is cheaper than emptying it.
  private var touched = Column<TouchedBalance>()
  private var touchedCount = 0
  private var stamp: UInt64 = 1

  func duplicated() -> Ledger {
    var copy = self
    copy.assets = assets.duplicated()
    copy.assetIndex = assetIndex.duplicated()
    copy.slots = slots.duplicated()
    copy.slotIndex = slotIndex.duplicated()
    copy.touched = touched.duplicated()
    return copy
  }

  mutating func deallocate() {
    assets.deallocate()
    assetIndex.deallocate()
    slots.deallocate()
    slotIndex.deallocate()
    touched.deallocate()
  }

  // MARK: Assets

  @inline(__always)
  func asset(named name: Symbol) -> Int32? {
    assetIndex.value(for: NameKey(name: name))
  }

  mutating func addAsset(named name: Symbol) -> Int32 {
    precondition(asset(named: name) == nil, "an asset is created once")
    let index = Int32(assets.count)
    assets.append(AssetState(name: name, total: 0))
    assetIndex.insert(NameKey(name: name), value: index)
    return index
  }

  @inline(__always)
  func assetName(_ asset: Int32) -> Symbol { assets[Int(asset)].name }

  @inline(__always)
  func total(of asset: Int32) -> Int64 { assets[Int(asset)].total }

  /// Sets an asset's total when a snapshot is decoded.
  mutating func restoreTotal(of asset: Int32, to total: Int64) {
    assets[Int(asset)].total = total
  }

  // MARK: Balances

  @inline(__always)
  func slot(account: Int32, asset: Int32) -> Int32? {
    slotIndex.value(for: BalanceKey(account: account, asset: asset))
  }

  mutating func addSlot(account: Int32, accountId: UInt64, asset: Int32) -> Int32 {
    let slot = Int32(slots.count)
    slots.append(
      BalanceSlot(
        available: 0, held: 0, account: accountId, asset: asset, hasBeenNonZero: false, touchedStamp: 0))
    slotIndex.insert(BalanceKey(account: account, asset: asset), value: slot)
    if accountId != 0 { clientSlotCount += 1 }
    return slot
  }

  /// The balance of (account, asset), created when missing.
  mutating func slotCreatingIfNeeded(account: Int32, accountId: UInt64, asset: Int32) -> Int32 {
    slot(account: account, asset: asset) ?? addSlot(account: account, accountId: accountId, asset: asset)
  }

  @inline(__always)
  func available(_ slot: Int32) -> Int64 { slots[Int(slot)].available }

  @inline(__always)
  func held(_ slot: Int32) -> Int64 { slots[Int(slot)].held }

  /// Sets a balance when a snapshot is decoded.
  mutating func restore(_ slot: Int32, available: Int64, held: Int64, hasBeenNonZero: Bool) {
    slots[Int(slot)].available = available
    slots[Int(slot)].held = held
    slots[Int(slot)].hasBeenNonZero = hasBeenNonZero
  }

  // MARK: Movements

  /// Records the balance's value before the command on its first touch in the command, and returns
  /// its address (valid until the next balance is created) for the movement that follows.
  @inline(__always)
  private mutating func touch(_ slot: Int32) -> UnsafeMutablePointer<BalanceSlot> {
    let balance = slots.address(Int(slot))
    guard balance.pointee.touchedStamp != stamp else { return balance }
    balance.pointee.touchedStamp = stamp
    let entry = TouchedBalance(
      slot: slot, account: balance.pointee.account, asset: assets[Int(balance.pointee.asset)].name,
      availableBefore: balance.pointee.available, heldBefore: balance.pointee.held)
    if touchedCount < touched.count {
      touched[touchedCount] = entry
    } else {
      touched.append(entry)
    }
    touchedCount &+= 1
    return balance
  }

  /// An accepted deposit: into available, and into the asset's total.
  mutating func deposit(_ amount: Int64, into slot: Int32) {
    let balance = touch(slot)
    let asset = Int(balance.pointee.asset)
    precondition(assets[asset].total <= Int64.max - amount, "deposits are validated against overflow")
    assets[asset].total += amount
    balance.pointee.available += amount
  }

  /// An accepted withdrawal: out of available, and out of the asset's total.
  mutating func withdraw(_ amount: Int64, from slot: Int32) {
    let balance = touch(slot)
    precondition(balance.pointee.available >= amount, "withdrawals are validated against the balance")
    balance.pointee.available -= amount
    assets[Int(balance.pointee.asset)].total -= amount
  }

  /// Moves `amount` from available to held, for an order being placed.
  @inline(__always)
  mutating func hold(_ amount: Int64, in slot: Int32) {
    let balance = touch(slot)
    precondition(balance.pointee.available >= amount, "an order's hold is validated against the balance")
    balance.pointee.available -= amount
    balance.pointee.held += amount
  }

  /// Moves `amount` from held back to available: what an ended or reduced order no longer needs.
  @inline(__always)
  mutating func release(_ amount: Int64, in slot: Int32) {
    guard amount != 0 else { return }
    let balance = touch(slot)
    precondition(balance.pointee.held >= amount, "an order never releases more than it holds")
    balance.pointee.held -= amount
    balance.pointee.available += amount
  }

  /// Takes `amount` out of held: what a fill pays.
  @inline(__always)
  mutating func pay(_ amount: Int64, fromHeld slot: Int32) {
    let balance = touch(slot)
    precondition(balance.pointee.held >= amount, "a fill never pays more than its order holds")
    balance.pointee.held -= amount
  }

  /// Adds `amount` to available: what a fill delivers, or a fee.
  @inline(__always)
  mutating func credit(_ amount: Int64, to slot: Int32) {
    guard amount != 0 else { return }
    touch(slot).pointee.available += amount
  }

  // MARK: Balance changes

  /// Ends the command: appends one `balanceChanged` per balance whose value differs from before the
  /// command, sorted by account then asset, and forgets what was touched.
  @inline(__always)
  mutating func emitChanges(into batch: inout EventBuffer) {
    defer {
      touchedCount = 0
      stamp &+= 1
    }
    guard touchedCount > 0 else { return }
    if touchedCount > 1 { sortTouched() }
    for index in 0..<touchedCount {
      // Field by field: the entry was written moments ago, and copying it whole took wide loads
      // across its separate stores, which the processor cannot forward from its store buffer (it
      // waits for them to reach the cache).
      let slot = Int(touched[index].slot)
      let balance = slots[slot]
      guard balance.available != touched[index].availableBefore || balance.held != touched[index].heldBefore
      else { continue }
      if balance.available != 0 || balance.held != 0 { slots[slot].hasBeenNonZero = true }
      batch.append(
        .balanceChanged(
          BalanceChanged(
            account: touched[index].account, asset: touched[index].asset, available: balance.available,
            held: balance.held)))
    }
  }

  /// Sorts in place without allocating: insertion sort for the usual handful, heapsort for the
  /// thousands a sweeping order can touch (the standard library's sort allocates a buffer).
  private mutating func sortTouched() {
    let count = touchedCount
    if count <= 24 {
      for index in 1..<max(count, 1) {
        let entry = touched[index]
        var position = index
        while position > 0 && entry.sortsBefore(touched[position - 1]) {
          touched[position] = touched[position - 1]
          position -= 1
        }
        touched[position] = entry
      }
      return
    }
    for start in stride(from: count / 2 - 1, through: 0, by: -1) {
      siftDown(start, count)
    }
    for end in stride(from: count - 1, to: 0, by: -1) {
      swapTouched(0, end)
      siftDown(0, end)
    }
  }

  private func swapTouched(_ first: Int, _ second: Int) {
    let entry = touched[first]
    touched[first] = touched[second]
    touched[second] = entry
  }

  private mutating func siftDown(_ start: Int, _ end: Int) {
    var root = start
    while true {
      var child = 2 * root + 1
      guard child < end else { return }
      if child + 1 < end && touched[child].sortsBefore(touched[child + 1]) { child += 1 }
      guard touched[root].sortsBefore(touched[child]) else { return }
      swapTouched(root, child)
      root = child
    }
  }
}
