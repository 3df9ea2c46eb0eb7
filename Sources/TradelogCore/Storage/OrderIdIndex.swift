/// orderId → slot for every resting order, in 8-byte buckets.
///
/// Why not a `HashIndex` keyed by orderId (16-byte buckets and a control byte each): a bucket here holds only the low 32
/// bits of the order id (its tag) and the slot; the slot's `RestingOrder` holds the whole id, so a
/// lookup confirms a tag match there — the order it returns is read next anyway. Half the bytes per
/// order at the same load, which is most of the index's share of memory per resting order.
///
/// Why not a page table of slots indexed by orderId (ids are engine-assigned and increasing): it is
/// smaller and faster while open orders are dense in id space, but an old book — long-lived orders
/// far apart in id — would cost a whole page per order. This index costs the same bytes per order
/// whatever ids survive.
///
/// Open addressing with linear probing and backward-shift deletion, as `HashIndex`, growth at 5/8
/// load. The home bucket depends on the tag alone, so deletion and growth never read the orders.
/// Tags hash with the process's seed (`HashSeed`): clients do not choose order ids, but they choose
/// which orders stay open, and without the seed they cannot make the survivors share buckets. Ids
/// that differ by a multiple of 2³² share a tag; they are told apart by the order's id.
///
/// Like `Column`, it does not own its memory: its holder calls `deallocate()`.
struct OrderIdIndex {
  /// A resting order's id and slot.
  struct OrderSlot {
    var orderId: UInt64
    var slot: Int32
  }

  struct Bucket {
    var tag: UInt32
    /// −1 for an empty bucket.
    var slot: Int32

    static let empty = Bucket(tag: 0, slot: -1)
  }

  private var buckets = Column(repeating: Bucket.empty, count: 16)
  private var mask = 15
  private let seed = HashSeed.process
  private(set) var count = 0

  func duplicated() -> OrderIdIndex {
    var copy = self
    copy.buckets = buckets.duplicated()
    return copy
  }

  mutating func deallocate() {
    buckets.deallocate()
  }

  /// Indexes many orders at once (a decoded snapshot's), in the order of their home buckets so that
  /// the table is written front to back instead of at random; false when two share an id.
  mutating func insertAll(_ entries: [OrderSlot], orders: Column<RestingOrder>) -> Bool {
    while (count + entries.count) * 8 > buckets.count * 5 { grow() }
    // Each tag hashed once, not once per pass and per count.
    let homed = entries.map { (home: UInt64(home(of: Self.tag($0.orderId))), entry: $0) }
    for (_, entry) in RadixSort.sorted(homed, keysBelow: UInt64(buckets.count), by: { $0.home }) {
      guard insert(entry.orderId, slot: entry.slot, orders: orders) else { return false }
    }
    return true
  }

  /// Bytes of table per entry at the current load, for reports on memory per order.
  var bytesPerEntry: Double {
    count == 0 ? 0 : Double(buckets.count * MemoryLayout<Bucket>.stride) / Double(count)
  }

  @inline(__always)
  private static func tag(_ orderId: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: orderId)
  }

  @inline(__always)
  private func home(of tag: UInt32) -> Int {
    Int(truncatingIfNeeded: seed.hash(UInt64(tag))) & mask
  }

  /// The slot of the resting order with `orderId`, confirmed against `orders`.
  @inline(__always)
  func slot(of orderId: UInt64, orders: Column<RestingOrder>) -> Int32? {
    let tag = Self.tag(orderId)
    var index = home(of: tag)
    while true {
      let bucket = buckets[unchecked: index]
      if bucket.slot < 0 { return nil }
      if bucket.tag == tag && orders[Int(bucket.slot)].orderId == orderId { return bucket.slot }
      index = (index &+ 1) & mask
    }
  }

  /// Records the slot of an order (already written to `orders[slot]`), unless another resting order
  /// has its id: then nothing changes and the answer is false.
  @inline(__always)
  mutating func insert(_ orderId: UInt64, slot: Int32, orders: Column<RestingOrder>) -> Bool {
    if (count + 1) * 8 > buckets.count * 5 { grow() }
    let tag = Self.tag(orderId)
    var index = home(of: tag)
    while buckets[unchecked: index].slot >= 0 {
      let bucket = buckets[unchecked: index]
      if bucket.tag == tag && orders[Int(bucket.slot)].orderId == orderId { return false }
      index = (index &+ 1) & mask
    }
    buckets[unchecked: index] = Bucket(tag: tag, slot: slot)
    count &+= 1
    return true
  }

  /// Forgets the order in `slot`, whose id is `orderId`.
  @inline(__always)
  mutating func remove(_ orderId: UInt64, slot: Int32) {
    var hole = home(of: Self.tag(orderId))
    while buckets[unchecked: hole].slot != slot {
      precondition(buckets[unchecked: hole].slot >= 0, "only an indexed order is removed")
      hole = (hole &+ 1) & mask
    }
    // Backward-shift deletion: move later members of the probe run into the hole when their home
    // does not lie cyclically in (hole, candidate], so every entry stays reachable from its home.
    var candidate = hole
    while true {
      candidate = (candidate &+ 1) & mask
      let bucket = buckets[unchecked: candidate]
      if bucket.slot < 0 { break }
      let candidateHome = home(of: bucket.tag)
      if BackwardShift.staysPut(hole: hole, candidate: candidate, home: candidateHome) { continue }
      buckets[unchecked: hole] = bucket
      hole = candidate
    }
    buckets[unchecked: hole] = .empty
    count &-= 1
  }

  /// Doubles the table. Entries are distinct already, so each goes to the first empty bucket from
  /// its home, without comparing.
  private mutating func grow() {
    var old = buckets
    buckets = Column(repeating: .empty, count: old.count * 2)
    mask = buckets.count - 1
    for index in old.indices where old[index].slot >= 0 {
      var position = home(of: old[index].tag)
      while buckets[unchecked: position].slot >= 0 { position = (position &+ 1) & mask }
      buckets[unchecked: position] = old[index]
    }
    old.deallocate()
  }
}
