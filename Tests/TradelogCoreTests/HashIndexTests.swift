import Testing
import TradelogTestSupport

@testable import TradelogCore

/// The open-addressing index answers exactly as a dictionary would, through growth and
/// backward-shift deletions.
@Suite struct HashIndexTests {
  @Test func agreesWithADictionaryOverRandomOperations() {
    var index = HashIndex<ClientOrderKey, Int32>()
    defer { index.deallocate() }
    var model: [UInt64: Int32] = [:]
    var random = SplitMix(seed: 42)
    for step in 0..<50_000 {
      // A small key space makes removals of present keys and re-insertions frequent.
      let clientOrderId = random.next() % 3_000 + 1
      let key = ClientOrderKey(clientOrderId: clientOrderId, account: 7)
      if random.next() % 3 == 0 {
        #expect(index.removeValue(for: key) == model.removeValue(forKey: clientOrderId))
      } else if let position = index.position(of: key) {
        index[position: position] = Int32(step)
        model[clientOrderId] = Int32(step)
      } else {
        index.insert(key, value: Int32(step))
        model[clientOrderId] = Int32(step)
      }
      #expect(index.count == model.count)
    }
    for clientOrderId in UInt64(1)...3_000 {
      #expect(
        index.value(for: ClientOrderKey(clientOrderId: clientOrderId, account: 7)) == model[clientOrderId])
    }
    var visited = 0
    index.forEachUnordered { key, value in
      visited += 1
      #expect(model[key.clientOrderId] == value)
    }
    #expect(visited == model.count)
  }

  /// A lookup's insertion point places the key where a plain insertion would find it, and a point
  /// from before a change is not used.
  @Test func insertionAtALookupsPointIsFoundAgain() {
    var index = HashIndex<ClientOrderKey, Int32>()
    defer { index.deallocate() }
    var random = SplitMix(seed: 7)
    var present: [UInt64] = []
    for step in 1...20_000 {
      let key = ClientOrderKey(clientOrderId: random.next() % 10_000 + 1, account: 3)
      let (position, point) = index.lookup(key)
      if position != nil {
        index.removeValue(for: key)
        continue
      }
      if step % 5 == 0, let stale = present.last {
        // The point is now from another generation: the insertion probes again.
        index.removeValue(for: ClientOrderKey(clientOrderId: stale, account: 3))
      }
      index.insert(key, value: Int32(step), at: point)
      #expect(index.value(for: key) == Int32(step))
      present.append(key.clientOrderId)
    }
    var visited = 0
    index.forEachUnordered { key, value in
      visited += 1
      #expect(index.value(for: key) == value)
    }
    #expect(visited == index.count)
  }

  /// A point taken while another key sat in the home bucket, used after that key left: insertion
  /// at the stale point would put the key behind a vacant home bucket, where no lookup finds it.
  /// The generation check makes the insertion probe again.
  @Test func aPointFromBeforeARemovalIsNotUsed() {
    // 16 buckets: the home is the low four bits of the hash.
    func home(_ account: UInt64) -> UInt64 { AccountIdKey(account: account).hashCode(HashSeed.process) & 15 }
    let first = AccountIdKey(account: 1)
    let sameHome = (UInt64(2)...1_000).first { home($0) == home(1) }!
    let second = AccountIdKey(account: sameHome)
    var index = HashIndex<AccountIdKey, Int32>(minimumCapacity: 10)
    defer { index.deallocate() }
    index.insert(first, value: 1)
    let (position, point) = index.lookup(second)
    #expect(position == nil)
    index.removeValue(for: first)
    index.insert(second, value: 2, at: point)
    #expect(index.value(for: second) == 2)
    #expect(index.position(of: second) == Int(home(sameHome)))
  }

  /// Tables of 16 buckets whose last eight are occupied (keys that land elsewhere are taken out
  /// again): probe runs reach the end of the table, where lookups go on one control byte at a time
  /// and wrap to the front.
  @Test func lookupsWrapAroundTheEndOfASmallTable() {
    var random = SplitMix(seed: 11)
    for _ in 0..<20 {
      // 16 buckets, which hold 10 keys before they grow.
      var index = HashIndex<AccountIdKey, Int32>(minimumCapacity: 10)
      defer { index.deallocate() }
      var present: Set<UInt64> = []
      // A removal can shift a key of the end down to the front: drawn until the end is full.
      while Set(present.compactMap { index.position(of: AccountIdKey(account: $0)) }) != Set(8..<16) {
        for account in present where index.position(of: AccountIdKey(account: account))! < 8 {
          index.removeValue(for: AccountIdKey(account: account))
          present.remove(account)
        }
        let key = AccountIdKey(account: random.next() % 1_000 + 1)
        guard !present.contains(key.account) else { continue }
        index.insert(key, value: Int32(key.account))
        if index.position(of: key)! >= 8 {
          present.insert(key.account)
        } else {
          index.removeValue(for: key)
        }
      }
      for account in UInt64(1)...1_000 {
        let key = AccountIdKey(account: account)
        let (position, point) = index.lookup(key)
        #expect((position != nil) == present.contains(account))
        guard position == nil else { continue }
        index.insert(key, value: -1, at: point)
        #expect(index.value(for: key) == -1)
        #expect(index.removeValue(for: key) == -1)
      }
      for account in present { #expect(index.value(for: AccountIdKey(account: account)) == Int32(account)) }
    }
  }

  @Test func keysDifferingOnlyInAccountAreDistinct() {
    var index = HashIndex<ClientOrderKey, Int32>()
    defer { index.deallocate() }
    index.insert(ClientOrderKey(clientOrderId: 5, account: 1), value: 1)
    index.insert(ClientOrderKey(clientOrderId: 5, account: 2), value: 2)
    #expect(index.value(for: ClientOrderKey(clientOrderId: 5, account: 1)) == 1)
    #expect(index.value(for: ClientOrderKey(clientOrderId: 5, account: 2)) == 2)
    #expect(index.value(for: ClientOrderKey(clientOrderId: 5, account: 3)) == nil)
  }

  /// Commands can carry the vacant key (an empty name, a zero id): it is never found.
  @Test func theVacantKeyIsNeverFound() {
    var index = HashIndex<NameKey, Int32>()
    defer { index.deallocate() }
    #expect(index.value(for: NameKey.vacant) == nil)
    index.insert(NameKey(name: Symbol("A")!), value: 1)
    #expect(index.value(for: NameKey.vacant) == nil)
    #expect(!index.contains(NameKey.vacant))
  }

  @Test func duplicatesAreIndependent() {
    var original = HashIndex<AccountIdKey, Int32>()
    defer { original.deallocate() }
    original.insert(AccountIdKey(account: 1), value: 10)
    var copy = original.duplicated()
    defer { copy.deallocate() }
    copy.insert(AccountIdKey(account: 2), value: 20)
    copy.removeValue(for: AccountIdKey(account: 1))
    #expect(original.value(for: AccountIdKey(account: 1)) == 10)
    #expect(original.value(for: AccountIdKey(account: 2)) == nil)
    #expect(copy.value(for: AccountIdKey(account: 2)) == 20)
  }
}
