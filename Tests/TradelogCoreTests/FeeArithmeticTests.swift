import Testing
import TradelogTestSupport

@testable import TradelogCore

/// Fees are `notional × bps / 10000` rounded down, exact at every size.
@Suite struct FeeArithmeticTests {
  @Test func roundsDown() {
    #expect(FeeArithmetic.fee(notional: 9_999, basisPoints: 1) == 0)
    #expect(FeeArithmetic.fee(notional: 10_000, basisPoints: 1) == 1)
    #expect(FeeArithmetic.fee(notional: 19_999, basisPoints: 1) == 1)
    #expect(FeeArithmetic.fee(notional: 1_005, basisPoints: 1_000) == 100)
    #expect(FeeArithmetic.fee(notional: 123_456, basisPoints: 0) == 0)
    #expect(FeeArithmetic.fee(notional: 0, basisPoints: 1_000) == 0)
  }

  @Test func exactAtInt64Extremes() {
    // Int64.max × 1000 needs 74 bits; the result is ⌊(2^63 − 1) / 10⌋.
    #expect(FeeArithmetic.fee(notional: .max, basisPoints: 1_000) == 922_337_203_685_477_580)
    #expect(FeeArithmetic.fee(notional: .max, basisPoints: 1) == 922_337_203_685_477)
    #expect(FeeArithmetic.fee(notional: .max, basisPoints: 999) == 921_414_866_481_792_103)
    // Just above the 64-bit fast path's bound.
    let notional = Int64.max / 1_000 + 1
    #expect(FeeArithmetic.fee(notional: notional, basisPoints: 1_000) == notional / 10)
  }

  @Test func matchesA128BitReference() {
    var random = SplitMix(seed: 7)
    for _ in 0..<10_000 {
      let notional = Int64(bitPattern: random.next() >> 1) >> Int64(random.next() % 63)
      let basisPoints = Int32(random.next() % 1_001)
      let reference = UInt128(notional) * UInt128(basisPoints) / 10_000
      #expect(FeeArithmetic.fee(notional: notional, basisPoints: basisPoints) == Int64(reference))
    }
  }

  @Test func notionalWithFeeReportsOverflow() {
    #expect(FeeArithmetic.notionalWithFee(100, basisPoints: 1_000) == 110)
    #expect(FeeArithmetic.notionalWithFee(.max, basisPoints: 0) == .max)
    #expect(FeeArithmetic.notionalWithFee(.max, basisPoints: 1) == nil)
    #expect(FeeArithmetic.notionalWithFee(Int64.max / 11 * 10, basisPoints: 1_000) != nil)
  }

  /// The largest q with p×q + fee(p×q) ≤ budget, by definition, for small values.
  @Test func affordableLotsMatchesTheDefinition() {
    for price in Int64(1)...30 {
      for budget in Int64(0)...400 {
        for basisPoints in [Int32(0), 1, 333, 999, 1_000] {
          var lots: Int64 = 0
          while (price * (lots + 1))
            + FeeArithmetic.fee(notional: price * (lots + 1), basisPoints: basisPoints)
            <= budget
          {
            lots += 1
          }
          #expect(
            FeeArithmetic.affordableLots(price: price, budget: budget, basisPoints: basisPoints) == lots,
            "price \(price) budget \(budget) bps \(basisPoints)")
        }
      }
    }
  }

  @Test func affordableLotsAtExtremes() {
    #expect(FeeArithmetic.affordableLots(price: 1, budget: .max, basisPoints: 0) == .max)
    // ⌊(10000 × max + 9999) / 11000⌋
    let expected = (UInt128(Int64.max) * 10_000 + 9_999) / 11_000
    #expect(FeeArithmetic.affordableLots(price: 1, budget: .max, basisPoints: 1_000) == Int64(expected))
    #expect(FeeArithmetic.affordableLots(price: .max, budget: .max, basisPoints: 1) == 0)
    #expect(FeeArithmetic.affordableLots(price: .max, budget: .max, basisPoints: 0) == 1)
  }
}
