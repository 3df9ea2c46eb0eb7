import Testing
import TradelogTestSupport

@testable import TradelogCore

/// The unsafe-pointer array behaves as an array: append, insert, remove, in-place writes, copies.
@Suite struct ColumnTests {
  @Test func agreesWithAnArray() {
    var column = Column<Int64>()
    defer { column.deallocate() }
    var model: [Int64] = []
    var random = SplitMix(seed: 3)
    for step in 0..<5_000 {
      let choice = random.next() % 4
      if choice == 0, !model.isEmpty {
        let index = Int(random.next() % UInt64(model.count))
        column.remove(at: index)
        model.remove(at: index)
      } else if choice == 1 {
        let index = Int(random.next() % UInt64(model.count + 1))
        column.insert(Int64(step), at: index)
        model.insert(Int64(step), at: index)
      } else if choice == 2, !model.isEmpty {
        let index = Int(random.next() % UInt64(model.count))
        column[index] += 1
        model[index] += 1
      } else {
        column.append(Int64(step))
        model.append(Int64(step))
      }
    }
    #expect(column.elements == model)
    #expect(column.last == model.last)
  }

  @Test func duplicatesAreIndependent() {
    var original = Column<Int64>(repeating: 1, count: 3)
    defer { original.deallocate() }
    var copy = original.duplicated()
    defer { copy.deallocate() }
    copy[0] = 9
    copy.append(4)
    #expect(original.elements == [1, 1, 1])
    #expect(copy.elements == [9, 1, 1, 4])
  }
}
