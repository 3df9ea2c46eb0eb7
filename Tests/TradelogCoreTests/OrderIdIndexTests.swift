import Testing
import TradelogTestSupport

@testable import TradelogCore

/// The orderId index answers exactly as a dictionary would, through growth, backward-shift
/// deletions and ids that share their low 32 bits (a tag).
@Suite struct OrderIdIndexTests {
  /// A pool of slots as `OrderBooks` keeps it: the index confirms tags against these ids.
  private struct Pool {
    var orders = Column<RestingOrder>()
    var freeSlots: [Int32] = []

    mutating func add(_ orderId: UInt64) -> Int32 {
      let order = RestingOrder(
        orderId: orderId, clientOrderId: 1, remaining: 1, held: 1, queuePrevious: -1, queueNext: -1,
        accountPrevious: -1, accountNext: -1, level: -1, account: 1, heldBalance: 0, creditBalance: 0,
        market: 0, side: .buy)
      if let slot = freeSlots.popLast() {
        orders[Int(slot)] = order
        return slot
      }
      orders.append(order)
      return Int32(orders.count - 1)
    }

    mutating func free(_ slot: Int32) {
      orders[Int(slot)].orderId = 0
      freeSlots.append(slot)
    }
  }

  @Test func agreesWithADictionaryOverRandomOperations() {
    var index = OrderIdIndex()
    var pool = Pool()
    defer {
      index.deallocate()
      pool.orders.deallocate()
    }
    var model: [UInt64: Int32] = [:]
    var random = SplitMix(seed: 7)
    for _ in 0..<60_000 {
      // Ids 1…2,000, some shifted by multiples of 2³² so that several ids share one tag.
      let orderId = random.next() % 2_000 + 1 + (random.next() % 3) << 32
      if let slot = model[orderId] {
        #expect(index.slot(of: orderId, orders: pool.orders) == slot)
        index.remove(orderId, slot: slot)
        pool.free(slot)
        model[orderId] = nil
      } else {
        #expect(index.slot(of: orderId, orders: pool.orders) == nil)
        let slot = pool.add(orderId)
        let inserted = index.insert(orderId, slot: slot, orders: pool.orders)
        #expect(inserted)
        model[orderId] = slot
      }
      #expect(index.count == model.count)
    }
    for (orderId, slot) in model {
      #expect(index.slot(of: orderId, orders: pool.orders) == slot)
    }
  }

  @Test func aRestingIdIsNotIndexedTwice() {
    var index = OrderIdIndex()
    var pool = Pool()
    defer {
      index.deallocate()
      pool.orders.deallocate()
    }
    let first = pool.add(42)
    let insertedFirst = index.insert(42, slot: first, orders: pool.orders)
    #expect(insertedFirst)
    let second = pool.add(42)
    let insertedSecond = index.insert(42, slot: second, orders: pool.orders)
    #expect(!insertedSecond)
    let sameTag = pool.add(42 + 1 << 32)
    let insertedSameTag = index.insert(42 + 1 << 32, slot: sameTag, orders: pool.orders)
    #expect(insertedSameTag)
    #expect(index.count == 2)
    #expect(index.slot(of: 42, orders: pool.orders) == first)
    #expect(index.slot(of: 42 + 1 << 32, orders: pool.orders) == sameTag)
    #expect(index.slot(of: 42 + 2 << 32, orders: pool.orders) == nil)
  }

  @Test func duplicatesAreIndependent() {
    var original = OrderIdIndex()
    var pool = Pool()
    defer {
      original.deallocate()
      pool.orders.deallocate()
    }
    let first = pool.add(1)
    let insertedFirst = original.insert(1, slot: first, orders: pool.orders)
    #expect(insertedFirst)
    var copy = original.duplicated()
    defer { copy.deallocate() }
    let second = pool.add(2)
    let insertedSecond = copy.insert(2, slot: second, orders: pool.orders)
    #expect(insertedSecond)
    copy.remove(1, slot: first)
    #expect(original.slot(of: 1, orders: pool.orders) == first)
    #expect(original.slot(of: 2, orders: pool.orders) == nil)
    #expect(copy.slot(of: 1, orders: pool.orders) == nil)
    #expect(copy.slot(of: 2, orders: pool.orders) == second)
  }
}
