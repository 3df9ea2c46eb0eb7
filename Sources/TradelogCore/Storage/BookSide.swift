/// The price levels of one side of one market, best last.
///
/// A sorted array of (key, level) pairs, where the key orders levels from worst to best (the price
/// for bids, its negation for asks). Why a sorted array: real books have a few hundred levels with
/// almost all activity at the top, which sits at the end of the array, so taking the best level is
/// `O(1)`, finding a price is a binary search over a few cache lines, and inserting or removing a
/// level moves only the levels better than it — usually none or a few. A price-indexed ladder would
/// need a bounded price range, which markets here do not have. The cost of an insertion deep in a
/// very long book is bounded by `EngineLimits.priceLevelsPerSideMax`.
struct BookSide {
  struct Entry {
    var key: Int64
    var level: Int32
  }

  let isBid: Bool
  private(set) var entries = Column<Entry>()

  init(isBid: Bool) {
    self.isBid = isBid
  }

  var count: Int { entries.count }

  /// The best level, or nil for an empty side.
  @inline(__always)
  var best: Int32? { entries.last?.level }

  @inline(__always)
  func key(of price: Int64) -> Int64 { isBid ? price : -price }

  /// The level at `price`, or where a level at `price` would be inserted.
  ///
  /// Most lookups are near the best end (the array's end) but not always at it: a new order often
  /// joins a level a few ticks off the best. So the search gallops from the end (1, 2, 4, … entries
  /// back) until it passes `price`, then bisects the last step: a level `d` entries from the best
  /// costs about 2 log₂ d probes, the best one a single probe.
  @inline(__always)
  private func search(_ price: Int64) -> (index: Int, found: Bool) {
    let key = key(of: price)
    // Invariant: the lower bound (first entry whose key is ≥ `key`) lies in low...high.
    var low = 0
    var high = entries.count
    var step = 1
    while high > 0 {
      let probe = high > step ? high &- step : 0
      let probeKey = entries[unchecked: probe].key
      if probeKey == key { return (probe, true) }
      if probeKey < key {
        low = probe &+ 1
        break
      }
      high = probe
      step &<<= 1
    }
    while low < high {
      let middle = (low &+ high) &>> 1
      if entries[unchecked: middle].key < key { low = middle &+ 1 } else { high = middle }
    }
    return (low, low < entries.count && entries[unchecked: low].key == key)
  }

  @inline(__always)
  func level(at price: Int64) -> Int32? {
    let (index, found) = search(price)
    return found ? entries[index].level : nil
  }

  /// The level at `price`, or the insertion point for a new one, in one search.
  @inline(__always)
  func find(_ price: Int64) -> (level: Int32?, insertionIndex: Int) {
    let (index, found) = search(price)
    return found ? (entries[index].level, index) : (nil, index)
  }

  /// Inserts a level at an insertion point `find` returned for its price.
  @inline(__always)
  mutating func insert(level: Int32, price: Int64, at index: Int) {
    precondition(
      (index == 0 || entries[index - 1].key < key(of: price))
        && (index == entries.count || entries[index].key > key(of: price)), "levels stay sorted")
    entries.insert(Entry(key: key(of: price), level: level), at: index)
  }

  @inline(__always)
  mutating func remove(price: Int64) {
    let (index, found) = search(price)
    precondition(found, "only a level that exists is removed")
    if index == entries.count - 1 {
      entries.removeLast()
    } else {
      entries.remove(at: index)
    }
  }

  /// Levels from the best down (for inspection, snapshots and FOK counting: no allocation).
  func levelBestFirst(_ rank: Int) -> Int32 {
    entries[entries.count - 1 - rank].level
  }

  func duplicated() -> BookSide {
    var copy = self
    copy.entries = entries.duplicated()
    return copy
  }

  mutating func deallocate() {
    entries.deallocate()
  }
}
