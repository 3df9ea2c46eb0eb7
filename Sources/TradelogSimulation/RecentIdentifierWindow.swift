/// The last `capacity` identifiers appended, with membership: the "last 10,000 accepted orders" of an
/// account that a clientOrderId must not repeat (SEMANTICS.md, DUPLICATE_ID).
struct RecentIdentifierWindow {
  let capacity: Int
  /// Oldest first, from `oldestIndex` on; the slots before it were dropped and are reclaimed in bulk.
  private var identifiers: [UInt64] = []
  private var oldestIndex = 0
  /// How many times each identifier occurs in the window (an id may be reused once it has left).
  private var occurrences: [UInt64: Int] = [:]

  init(capacity: Int) {
    precondition(capacity >= 1, "a window holds at least one identifier")
    self.capacity = capacity
  }

  var count: Int { identifiers.count - oldestIndex }

  func contains(_ identifier: UInt64) -> Bool {
    occurrences[identifier] != nil
  }

  mutating func append(_ identifier: UInt64) {
    identifiers.append(identifier)
    occurrences[identifier, default: 0] += 1
    if count > capacity {
      dropOldest()
    }
  }

  private mutating func dropOldest() {
    let oldest = identifiers[oldestIndex]
    oldestIndex += 1
    let remaining = occurrences[oldest, default: 0] - 1
    precondition(remaining >= 0, "window lost count of identifier \(oldest)")
    occurrences[oldest] = remaining == 0 ? nil : remaining
    if oldestIndex >= capacity {
      identifiers.removeFirst(oldestIndex)
      oldestIndex = 0
    }
  }
}
