/// Every market's book: resting orders in a pool of slots, price levels in a pool of their own, and
/// two sorted `BookSide`s per market.
///
/// Slots and levels are reused through free lists, so a book in steady state allocates nothing. An
/// order's place in its level's FIFO queue never changes while it rests (a reduce keeps it), which
/// is price-time priority.
struct OrderBooks {
  private(set) var orders = Column<RestingOrder>()
  private var freeOrder: Int32 = -1
  private(set) var openOrderCount = 0
  private(set) var levels = Column<PriceLevel>()
  private var freeLevel: Int32 = -1
  private(set) var sides = Column<BookSide>()
  private var orderIndex = OrderIdIndex()

  func duplicated() -> OrderBooks {
    var copy = self
    copy.orders = orders.duplicated()
    copy.levels = levels.duplicated()
    copy.sides = sides.duplicated()
    for index in sides.indices { copy.sides[index] = sides[index].duplicated() }
    copy.orderIndex = orderIndex.duplicated()
    return copy
  }

  mutating func deallocate() {
    for index in sides.indices { sides[index].deallocate() }
    orders.deallocate()
    levels.deallocate()
    sides.deallocate()
    orderIndex.deallocate()
  }

  mutating func addMarket() {
    sides.append(BookSide(isBid: true))
    sides.append(BookSide(isBid: false))
  }

  @inline(__always)
  static func sideIndex(market: Int32, side: Side) -> Int {
    Int(market) &* 2 &+ (side == .buy ? 0 : 1)
  }

  @inline(__always)
  subscript(slot: Int32) -> RestingOrder {
    get { orders[Int(slot)] }
    nonmutating _modify { yield &orders[Int(slot)] }
  }

  @inline(__always)
  func slot(of orderId: UInt64) -> Int32? {
    orderIndex.slot(of: orderId, orders: orders)
  }

  @inline(__always)
  func level(_ level: Int32) -> PriceLevel { levels[Int(level)] }

  @inline(__always)
  func price(of slot: Int32) -> Int64 { levels[Int(orders[Int(slot)].level)].price }

  /// The best level of a market's side, or nil when that side is empty.
  @inline(__always)
  func bestLevel(market: Int32, side: Side) -> Int32? {
    sides[Self.sideIndex(market: market, side: side)].best
  }

  @inline(__always)
  func levelCount(market: Int32, side: Side) -> Int {
    sides[Self.sideIndex(market: market, side: side)].count
  }

  @inline(__always)
  func hasLevel(market: Int32, side: Side, price: Int64) -> Bool {
    sides[Self.sideIndex(market: market, side: side)].level(at: price) != nil
  }

  /// Makes room for `orderCount` more resting orders at once, for a snapshot being decoded.
  mutating func reserve(orderCount: Int) {
    orders.reserve(orders.count + orderCount)
  }

  /// Indexes the orders a decoded snapshot rested with `restUnindexed`, all at once; false when two
  /// share an id.
  mutating func indexDecodedOrders(_ entries: [OrderIdIndex.OrderSlot]) -> Bool {
    orderIndex.insertAll(entries, orders: orders)
  }

  /// Bytes of order-id index per resting order, for reports on memory per order.
  var orderIndexBytesPerEntry: Double { orderIndex.bytesPerEntry }

  // MARK: Changes

  /// Puts an order at the back of the queue at `price` on its side, creating the level if needed,
  /// indexes it and returns its slot. Links and `level` of `order` are set here.
  @inline(__always)
  mutating func rest(_ order: RestingOrder, price: Int64) -> Int32 {
    let slot = restUnindexed(order, price: price)
    precondition(orderIndex.insert(order.orderId, slot: slot, orders: orders), "order ids are unique")
    return slot
  }

  /// `rest` without indexing the order id: a decoded snapshot indexes its orders all at once
  /// (`indexDecodedOrders`).
  @inline(__always)
  mutating func restUnindexed(_ order: RestingOrder, price: Int64) -> Int32 {
    let sideIndex = Self.sideIndex(market: order.market, side: order.side)
    let (existing, insertionIndex) = sides[sideIndex].find(price)
    let level = existing ?? newLevel(price: price, sideIndex: sideIndex, at: insertionIndex)
    // Valid below: only the order pool grows (`newSlot`).
    let levelState = levels.address(Int(level))
    var order = order
    order.level = level
    order.queuePrevious = levelState.pointee.lastOrder
    order.queueNext = -1
    let slot = newSlot(order)
    if order.queuePrevious >= 0 {
      orders[Int(order.queuePrevious)].queueNext = slot
    } else {
      levelState.pointee.firstOrder = slot
    }
    levelState.pointee.lastOrder = slot
    levelState.pointee.orderCount &+= 1
    levelState.pointee.quantity += order.remaining
    openOrderCount &+= 1
    return slot
  }

  /// Lowers a resting order's open quantity (a fill or a reduce), keeping its place.
  @inline(__always)
  mutating func decrease(_ slot: Int32, by lots: Int64) {
    precondition(lots > 0 && lots <= orders[Int(slot)].remaining, "a decrease stays within the order")
    orders[Int(slot)].remaining -= lots
    levels[Int(orders[Int(slot)].level)].quantity -= lots
  }

  /// Takes an order out of its level (removing the level when it empties) and out of the index, and
  /// frees its slot (the caller reads what it needs of the order first).
  @inline(__always)
  mutating func remove(_ slot: Int32) {
    let order = orders[Int(slot)]
    let level = order.level
    // Valid below: nothing here grows the level pool.
    let levelState = levels.address(Int(level))
    if order.queuePrevious >= 0 {
      orders[Int(order.queuePrevious)].queueNext = order.queueNext
    } else {
      levelState.pointee.firstOrder = order.queueNext
    }
    if order.queueNext >= 0 {
      orders[Int(order.queueNext)].queuePrevious = order.queuePrevious
    } else {
      levelState.pointee.lastOrder = order.queuePrevious
    }
    levelState.pointee.orderCount &-= 1
    levelState.pointee.quantity -= order.remaining
    if levelState.pointee.orderCount == 0 {
      precondition(levelState.pointee.quantity == 0, "an empty level holds no quantity")
      let sideIndex = Self.sideIndex(market: order.market, side: order.side)
      sides[sideIndex].remove(price: levelState.pointee.price)
      levelState.pointee.firstOrder = freeLevel
      freeLevel = level
    }
    orderIndex.remove(order.orderId, slot: slot)
    freeSlot(slot)
    openOrderCount &-= 1
  }

  // MARK: Accounts' order lists

  /// Appends a resting order to its account's list (orders rest in ascending orderId).
  @inline(__always)
  mutating func linkToAccount(_ slot: Int32, _ account: inout AccountState) {
    orders[Int(slot)].accountPrevious = account.lastOpenOrder
    orders[Int(slot)].accountNext = -1
    if account.lastOpenOrder >= 0 {
      precondition(
        orders[Int(account.lastOpenOrder)].orderId < orders[Int(slot)].orderId,
        "an account's orders rest in ascending orderId")
      orders[Int(account.lastOpenOrder)].accountNext = slot
    } else {
      account.firstOpenOrder = slot
    }
    account.lastOpenOrder = slot
    account.openOrderCount &+= 1
  }

  @inline(__always)
  mutating func unlinkFromAccount(_ slot: Int32, _ account: inout AccountState) {
    let order = orders[Int(slot)]
    if order.accountPrevious >= 0 {
      orders[Int(order.accountPrevious)].accountNext = order.accountNext
    } else {
      account.firstOpenOrder = order.accountNext
    }
    if order.accountNext >= 0 {
      orders[Int(order.accountNext)].accountPrevious = order.accountPrevious
    } else {
      account.lastOpenOrder = order.accountPrevious
    }
    account.openOrderCount &-= 1
  }

  // MARK: Pools

  @inline(__always)
  private mutating func newSlot(_ order: RestingOrder) -> Int32 {
    if freeOrder >= 0 {
      let slot = freeOrder
      freeOrder = orders[Int(slot)].queueNext
      orders[Int(slot)] = order
      return slot
    }
    orders.append(order)
    return Int32(orders.count - 1)
  }

  private mutating func freeSlot(_ slot: Int32) {
    orders[Int(slot)].queueNext = freeOrder
    orders[Int(slot)].orderId = 0
    freeOrder = slot
  }

  @inline(__always)
  private mutating func newLevel(price: Int64, sideIndex: Int, at insertionIndex: Int) -> Int32 {
    let fresh = PriceLevel(price: price, quantity: 0, firstOrder: -1, lastOrder: -1, orderCount: 0)
    let level: Int32
    if freeLevel >= 0 {
      level = freeLevel
      freeLevel = levels[Int(level)].firstOrder
      levels[Int(level)] = fresh
    } else {
      levels.append(fresh)
      level = Int32(levels.count - 1)
    }
    sides[sideIndex].insert(level: level, price: price, at: insertionIndex)
    return level
  }
}
