/// A growable array of plain values at a fixed address until it grows, without reference counting.
///
/// Why not `Array`: every mutation of an `Array` element checks that its buffer is uniquely
/// referenced (a runtime call), and insertions and removals go through generic range-replacement
/// code; on the matching path those costs were a large share of each command. A `Column` is a
/// pointer, a count and a capacity: element access is a bounds check and a load or a store.
///
/// A `Column` does not own its memory: whoever holds it calls `deallocate()` exactly once (in the
/// engine, `EngineCore`'s `deinit`), and copying a `Column` shares its elements (use `duplicated()`
/// for a separate copy). Elements are plain values (no references), so growing, copying and freeing
/// need no per-element work. Indices are bounds-checked: an index out of range is a broken invariant
/// and traps, as it would with `Array`. Counts change with wrapping arithmetic: they are bounded by
/// the memory they count (and the engine's limits), so an overflow check could never fire.
struct Column<Element> {
  private(set) var base: UnsafeMutablePointer<Element>?
  private(set) var count = 0
  private(set) var capacity = 0

  init() {
    precondition(_isPOD(Element.self), "a Column holds plain values: it never deinitializes elements")
  }

  init(repeating element: Element, count: Int) {
    self.init()
    reserve(count)
    base!.initialize(repeating: element, count: count)
    self.count = count
  }

  /// `count` elements whose bytes are whatever the allocator left: for a table that tells its
  /// unused elements apart on its own (`HashIndex`'s control bytes) and never reads one before
  /// writing it, so that it need not write the whole table first.
  init(unwrittenCount count: Int) {
    self.init()
    reserve(count)
    self.count = count
  }

  var isEmpty: Bool { count == 0 }

  var indices: Range<Int> { 0..<count }

  /// Reads and writes in place (addressors: `column[i].field = x` touches only that field).
  @inline(__always)
  subscript(index: Int) -> Element {
    unsafeAddress {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "Column index out of range")
      return UnsafePointer(base.unsafelyUnwrapped + index)
    }
    nonmutating unsafeMutableAddress {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "Column index out of range")
      return base.unsafelyUnwrapped + index
    }
  }

  /// An element whose index the caller has proven in range (a search within `0..<count`, a hash
  /// bucket masked by `count - 1`): the bounds check is the caller's, and only debug builds repeat
  /// it.
  @inline(__always)
  subscript(unchecked index: Int) -> Element {
    unsafeAddress {
      assert(UInt(bitPattern: index) < UInt(bitPattern: count), "Column index out of range")
      return UnsafePointer(base.unsafelyUnwrapped + index)
    }
    nonmutating unsafeMutableAddress {
      assert(UInt(bitPattern: index) < UInt(bitPattern: count), "Column index out of range")
      return base.unsafelyUnwrapped + index
    }
  }

  /// The address of an element, bounds-checked once, for a run of reads and writes of its fields
  /// that would otherwise check the index (and reload the column) at each. Valid until the column
  /// grows (`append`, `insert`, `reserve`) or is deallocated.
  @inline(__always)
  func address(_ index: Int) -> UnsafeMutablePointer<Element> {
    precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "Column index out of range")
    return base.unsafelyUnwrapped + index
  }

  var last: Element? { count == 0 ? nil : base.unsafelyUnwrapped[count - 1] }

  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow() }
    (base.unsafelyUnwrapped + count).initialize(to: element)
    count &+= 1
  }

  @inline(__always)
  mutating func insert(_ element: Element, at index: Int) {
    precondition(index >= 0 && index <= count, "Column insertion index out of range")
    if count == capacity { grow() }
    let start = base.unsafelyUnwrapped + index
    // Appending at the end (a new best level, often) moves nothing: no call to `memmove`.
    if index < count { (start + 1).moveInitialize(from: start, count: count - index) }
    start.initialize(to: element)
    count &+= 1
  }

  @inline(__always)
  mutating func remove(at index: Int) {
    precondition(index >= 0 && index < count, "Column removal index out of range")
    let start = base.unsafelyUnwrapped + index
    start.moveInitialize(from: start + 1, count: count - index - 1)
    count &-= 1
  }

  mutating func removeLast() {
    precondition(count > 0, "removeLast needs an element")
    count &-= 1
  }

  /// Forgets every element, keeping the memory.
  mutating func removeAll() {
    count = 0
  }

  /// Doubles the capacity: out of line, so that an inlined `append` is a check and a store.
  @inline(never)
  private mutating func grow() {
    reserve(Swift.max(16, capacity * 2))
  }

  mutating func reserve(_ minimumCapacity: Int) {
    guard minimumCapacity > capacity else { return }
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: minimumCapacity)
    if let base {
      grown.moveInitialize(from: base, count: count)
      base.deallocate()
    }
    base = grown
    capacity = minimumCapacity
  }

  /// A copy with its own memory.
  func duplicated() -> Column {
    var copy = Column()
    copy.reserve(capacity)
    if count > 0 { copy.base!.initialize(from: base!, count: count) }
    copy.count = count
    return copy
  }

  /// Frees the memory; the column must not be used afterwards.
  mutating func deallocate() {
    base?.deallocate()
    base = nil
    count = 0
    capacity = 0
  }

  /// The elements as an array (for inspection and snapshots, never on the matching path).
  var elements: [Element] {
    guard count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: base, count: count))
  }
}

extension Column: @unchecked Sendable where Element: Sendable {}
