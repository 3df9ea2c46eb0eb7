/// A key of a `HashIndex`.
protocol HashIndexKey: Equatable {
  /// A value no real key ever takes: never stored (commands may carry it; lookups answer nil).
  /// Empty buckets are marked by their control byte, not by this key.
  static var vacant: Self { get }
  /// Whether this is `vacant`, tested on as few fields as tell (once per lookup).
  var isVacant: Bool { get }
  /// 64 well-mixed bits under `seed`; only the low bits choose the bucket.
  func hashCode(_ seed: HashSeed) -> UInt64
}

/// A keyed hash of one to three words: folded 64×64→128-bit multiplies (as in wyhash), with both
/// operands masked by secret seed words, so that clients cannot pick keys that collide (account
/// ids, clientOrderIds and transfer ids are theirs to choose) without knowing the seed.
///
/// Why not Swift's `Hasher`: SipHash costs ~150 instructions per key, and the engine looks up
/// several keys per command; a folded multiply costs a handful. The seed comes from Swift's
/// per-process hash seed, the same one `Dictionary` uses: it decides where entries sit, never what
/// a lookup answers, so nothing the engine outputs depends on it.
struct HashSeed: Sendable {
  var first: UInt64
  var second: UInt64

  static let process = HashSeed(
    first: UInt64(truncatingIfNeeded: 0x5EED_F1A5.hashValue),
    second: UInt64(truncatingIfNeeded: 0x5EED_5EC0.hashValue) | 1)

  @inline(__always)
  static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
    let product = left.multipliedFullWidth(by: right)
    return product.high ^ product.low
  }

  @inline(__always)
  func hash(_ word: UInt64) -> UInt64 {
    Self.fold(word ^ first, second ^ 0xE703_7ED1_A0B4_28DB)
  }

  @inline(__always)
  func hash(_ word: UInt64, _ other: UInt64) -> UInt64 {
    Self.fold(Self.fold(word ^ first, other ^ second) ^ first, 0xA076_1D64_78BD_642F)
  }

  @inline(__always)
  func hash(_ word: UInt64, _ other: UInt64, _ third: UInt64) -> UInt64 {
    Self.fold(hash(word, other) ^ third ^ second, first ^ 0x8EBC_6AF0_9C88_C6E3)
  }
}

extension HashIndexKey {
  @inline(__always)
  var isVacant: Bool { self == .vacant }
}

/// An open-addressing hash table from keys to small values, for lookups only.
///
/// Why not `Dictionary`: the engine's hot path does several lookups per command; this table hashes
/// with a few multiplies instead of SipHash, stores key and value in one bucket, lives in `Column`s
/// (no uniqueness checks) and never allocates once grown. Linear probing with backward-shift
/// deletion keeps it free of tombstones. Nothing may depend on the order of its buckets:
/// `forEachUnordered` is for callers that sort what they collect.
///
/// Each bucket has a control byte in an array of its own: 0 when the bucket is vacant, else 7 bits
/// of its key's hash (the top ones; the low ones choose the home bucket) with the high bit set. A
/// probe walks the control bytes and reads a bucket only when its byte matches (one time in 128 for
/// another key). Why: the clientOrderId index holds every recent order of every account, megabytes
/// that a core's cache does not hold, and a placement looks up an id that is new nearly every time.
/// Walking the buckets themselves, that lookup waited for a cache miss on a random bucket; the
/// control bytes (one per 16-byte bucket of that index: a seventeenth of its memory) are mostly
/// cached, and the insertion that follows writes the bucket, which the processor does not wait
/// for. Vacant buckets are never interpreted (a copy of the index copies them as bytes), so a new
/// table's buckets are left unwritten: growing writes the control bytes, not the whole table.
///
/// Like `Column`, it does not own its memory: its holder calls `deallocate()`.
struct HashIndex<Key: HashIndexKey, Value> {
  fileprivate struct Bucket {
    var key: Key
    var value: Value
  }

  private var buckets: Column<Bucket>
  private var controls: Column<UInt8>
  private var mask: Int
  private let seed = HashSeed.process
  private(set) var count: Int = 0
  /// Changes on every insertion, removal and growth: an `InsertionPoint` from another generation
  /// may be stale.
  private var generation: UInt64 = 0

  init(minimumCapacity: Int = 16) {
    var capacity = 16
    while capacity * 5 < minimumCapacity * 8 { capacity *= 2 }
    buckets = Column(unwrittenCount: capacity)
    controls = Column(repeating: 0, count: capacity)
    mask = capacity - 1
  }

  func duplicated() -> HashIndex {
    var copy = self
    copy.buckets = buckets.duplicated()
    copy.controls = controls.duplicated()
    return copy
  }

  mutating func deallocate() {
    buckets.deallocate()
    controls.deallocate()
  }

  /// Bytes of table per entry at the current load, for reports on memory per order.
  var bytesPerEntry: Double {
    count == 0 ? 0 : Double(buckets.count * (MemoryLayout<Bucket>.stride + 1)) / Double(count)
  }

  @inline(__always)
  private func home(of key: Key) -> Int {
    Int(truncatingIfNeeded: key.hashCode(seed)) & mask
  }

  /// The control byte of an occupied bucket whose key hashes to `hash`.
  @inline(__always)
  private static func control(_ hash: UInt64) -> UInt8 {
    UInt8(truncatingIfNeeded: hash >> 57) | 0x80
  }

  /// The bucket holding `key`, valid until the next insertion or removal. The vacant key is never
  /// present (commands can carry it: an empty name, a zero id).
  @inline(__always)
  func position(of key: Key) -> Int? {
    guard !key.isVacant else { return nil }
    let hash = key.hashCode(seed)
    let probed = probe(key, hash: hash, wanted: Self.control(hash))
    return probed.found ? probed.position : nil
  }

  /// The bucket holding `key` (found), or else the first vacant bucket of its probe run.
  ///
  /// Eight control bytes at a time, as one word: which of them are vacant (high bit clear) and
  /// which equal `wanted` are a few bit operations, and only matches before the first vacant byte
  /// are compared. Why: byte by byte, the loop's exit branch depended on the run's length, which
  /// varies from key to key; it mispredicted about once per lookup.
  @inline(__always)
  private func probe(_ key: Key, hash: UInt64, wanted: UInt8) -> (found: Bool, position: Int) {
    var index = Int(truncatingIfNeeded: hash) & mask
    let pattern = 0x0101_0101_0101_0101 &* UInt64(wanted)
    let controlBase = UnsafeRawPointer(controls.base.unsafelyUnwrapped)
    // A group never wraps: the last seven buckets are probed one at a time below.
    while index &+ 8 <= controls.count {
      let group = UInt64(littleEndian: controlBase.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      let vacant = ~group & 0x8080_8080_8080_8080
      // A byte of `difference` is zero where the control byte is `wanted`; its high bit is clear
      // where the bucket is occupied. Bytes above a zero byte may show as matches too (the
      // subtraction borrows): every match is confirmed against the key anyway.
      let difference = group ^ pattern
      var matches = (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
      // Only the bytes before the first vacant one (all of them when none is vacant).
      matches &= (vacant & (0 &- vacant)) &- 1
      while matches != 0 {
        let candidate = index &+ matches.trailingZeroBitCount / 8
        if buckets[unchecked: candidate].key == key { return (true, candidate) }
        matches &= matches &- 1
      }
      if vacant != 0 { return (false, index &+ vacant.trailingZeroBitCount / 8) }
      index &+= 8
    }
    // The run reached the last seven buckets, or the end of the table: on from there, wrapping.
    index &= mask
    while true {
      let control = controls[unchecked: index]
      if control == wanted && buckets[unchecked: index].key == key { return (true, index) }
      if control == 0 { return (false, index) }
      index = (index &+ 1) & mask
    }
  }

  /// Where an absent key would be inserted: valid for that key until the table next changes.
  struct InsertionPoint {
    fileprivate var position: Int
    fileprivate var control: UInt8
    fileprivate var generation: UInt64
  }

  /// The bucket holding `key`, or else where it would be inserted: a lookup whose insertion follows
  /// shortly (`insert(_:value:at:)`) probes once instead of twice.
  @inline(__always)
  func lookup(_ key: Key) -> (position: Int?, insertionPoint: InsertionPoint) {
    precondition(!key.isVacant, "the vacant key is never present")
    let hash = key.hashCode(seed)
    let wanted = Self.control(hash)
    let probed = probe(key, hash: hash, wanted: wanted)
    return probed.found
      ? (probed.position, InsertionPoint(position: -1, control: wanted, generation: generation))
      : (nil, InsertionPoint(position: probed.position, control: wanted, generation: generation))
  }

  @inline(__always)
  func value(for key: Key) -> Value? {
    guard let index = position(of: key) else { return nil }
    return buckets[unchecked: index].value
  }

  @inline(__always)
  func contains(_ key: Key) -> Bool {
    position(of: key) != nil
  }

  /// Grows the table now to hold `entryCount` entries without growing again.
  mutating func reserve(_ entryCount: Int) {
    while entryCount * 8 > buckets.count * 5 { grow() }
  }

  /// `items` in the order of their keys' home buckets: operations on many keys (a decoded
  /// snapshot's) done in this order touch the table front to back instead of at random.
  func sortedByHome<Item>(_ items: [Item], key: (Item) -> Key) -> [Item] {
    // Each key hashed once, not once per pass and per count.
    let homed = items.map { (home: UInt64(home(of: key($0))), item: $0) }
    return RadixSort.sorted(homed, keysBelow: UInt64(buckets.count), by: { $0.home }).map { $0.item }
  }

  /// Adds a key that is not present.
  mutating func insert(_ key: Key, value: Value) {
    precondition(!key.isVacant, "the vacant key is never stored")
    if (count + 1) * 8 > buckets.count * 5 { grow() }
    let hash = key.hashCode(seed)
    let control = Self.control(hash)
    var index = Int(truncatingIfNeeded: hash) & mask
    while controls[unchecked: index] != 0 {
      // Only a bucket whose control byte matches can hold the key: the others are not read (each
      // would be a cache miss, the one the control bytes are there to spare).
      precondition(
        controls[unchecked: index] != control || buckets[unchecked: index].key != key,
        "a key is inserted at most once")
      index = (index &+ 1) & mask
    }
    buckets[unchecked: index] = Bucket(key: key, value: value)
    controls[unchecked: index] = control
    count &+= 1
    generation &+= 1
  }

  /// Adds a key that is not present at the point `lookup` found for it, unless the table changed
  /// since or must grow first: then as `insert(_:value:)`.
  @inline(__always)
  mutating func insert(_ key: Key, value: Value, at point: InsertionPoint) {
    guard point.generation == generation, point.position >= 0, (count + 1) * 8 <= buckets.count * 5 else {
      insert(key, value: value)
      return
    }
    buckets[point.position] = Bucket(key: key, value: value)
    controls[unchecked: point.position] = point.control
    count &+= 1
    generation &+= 1
  }

  /// The value in a bucket found by `position(of:)`.
  @inline(__always)
  subscript(position position: Int) -> Value {
    get { buckets[position].value }
    nonmutating set { buckets[position].value = newValue }
  }

  /// Removes a key and returns its value, or nil when it is not present.
  @discardableResult
  mutating func removeValue(for key: Key) -> Value? {
    guard let position = position(of: key) else { return nil }
    return remove(at: position)
  }

  /// Removes the entry in a bucket found by `position(of:)` and returns its value.
  @discardableResult
  mutating func remove(at position: Int) -> Value {
    precondition(
      UInt(bitPattern: position) < UInt(bitPattern: buckets.count) && controls[unchecked: position] != 0,
      "an occupied position within the table")
    var hole = position
    let removed = buckets[unchecked: hole].value
    // Backward-shift deletion: move later members of the probe run into the hole when their home
    // does not lie cyclically in (hole, candidate], so every key stays reachable from its home.
    var candidate = hole
    while true {
      candidate = (candidate &+ 1) & mask
      let candidateControl = controls[unchecked: candidate]
      if candidateControl == 0 { break }
      let candidateHome = home(of: buckets[unchecked: candidate].key)
      if BackwardShift.staysPut(hole: hole, candidate: candidate, home: candidateHome) { continue }
      buckets[unchecked: hole] = buckets[unchecked: candidate]
      controls[unchecked: hole] = candidateControl
      hole = candidate
    }
    controls[unchecked: hole] = 0
    count &-= 1
    generation &+= 1
    return removed
  }

  /// Visits every entry in bucket order, which depends on the process's hash seed: callers must
  /// not let this order reach events, hashes or snapshots (they sort what they collect).
  func forEachUnordered(_ body: (Key, Value) -> Void) {
    for index in buckets.indices where controls[unchecked: index] != 0 {
      body(buckets[unchecked: index].key, buckets[unchecked: index].value)
    }
  }

  /// Doubles the table. Keys are distinct already, so each goes to the first vacant bucket from its
  /// home without the checks of `insert`: rehashing was a large share of a young engine's commands.
  /// The old control bytes are read eight at a time and only occupied buckets visited: testing
  /// them one by one mispredicted a branch at every other bucket.
  private mutating func grow() {
    var oldBuckets = buckets
    var oldControls = controls
    buckets = Column(unwrittenCount: oldBuckets.count * 2)
    controls = Column(repeating: 0, count: oldBuckets.count * 2)
    mask = buckets.count - 1
    generation &+= 1
    // Table sizes are powers of two from 16 on: whole words.
    let words = UnsafeRawPointer(oldControls.address(0))
    for word in 0..<oldControls.count / 8 {
      var occupied =
        UInt64(littleEndian: words.load(fromByteOffset: word &* 8, as: UInt64.self)) & 0x8080_8080_8080_8080
      while occupied != 0 {
        let index = word &* 8 &+ occupied.trailingZeroBitCount / 8
        occupied &= occupied &- 1
        var position = home(of: oldBuckets[unchecked: index].key)
        while controls[unchecked: position] != 0 { position = (position &+ 1) & mask }
        buckets[unchecked: position] = oldBuckets[unchecked: index]
        controls[unchecked: position] = oldControls[unchecked: index]
      }
    }
    oldBuckets.deallocate()
    oldControls.deallocate()
  }
}

/// Backward-shift deletion, shared by `HashIndex` and `OrderIdIndex`: after a removal leaves a
/// hole, later members of the probe run move into it unless that would put them before their home.
enum BackwardShift {
  /// Whether the entry at `candidate`, whose home bucket is `home`, must stay where it is: its home
  /// lies cyclically in (hole, candidate], so moving it to `hole` would put it out of its home's
  /// reach.
  @inline(__always)
  static func staysPut(hole: Int, candidate: Int, home: Int) -> Bool {
    hole <= candidate ? (hole < home && home <= candidate) : (hole < home || home <= candidate)
  }
}
