import Testing
import TradelogSimulation
import TradelogTestSupport

/// SimulationRandom: the published xoshiro256** and SplitMix64 vectors, and the bounded draws the
/// workload relies on.
@Suite struct WorkloadRandomTests {
  @Test func xoshiro256StarStarMatchesTheReferenceVectors() {
    var random = SimulationRandom(state: (1, 2, 3, 4))
    #expect((0..<4).map { _ in random.next() } == [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
  }

  @Test func seedFillsTheStateWithSplitMix64() {
    // SplitMix64's first four outputs from 0.
    var seeded = SimulationRandom(seed: 0)
    var direct = SimulationRandom(
      state: (0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC))
    #expect((0..<8).map { _ in seeded.next() } == (0..<8).map { _ in direct.next() })
  }

  @Test func sameSeedSameSequenceAndDifferentSeedsDiffer() {
    var first = SimulationRandom(seed: 17)
    var second = SimulationRandom(seed: 17)
    var other = SimulationRandom(seed: 18)
    let firstDraws = (0..<100).map { _ in first.next() }
    #expect(firstDraws == (0..<100).map { _ in second.next() })
    #expect(firstDraws != (0..<100).map { _ in other.next() })
  }

  @Test func belowIsInRangeAndEven() {
    var random = SimulationRandom(seed: 5)
    var counts = [Int](repeating: 0, count: 6)
    for _ in 0..<60_000 {
      counts[Int(random.below(6))] += 1
    }
    #expect(counts.allSatisfy { (9_500...10_500).contains($0) }, "counts \(counts)")
  }

  @Test func inRangeReachesBothEndsAndHandlesTheWholeRange() {
    var random = SimulationRandom(seed: 6)
    let draws = (0..<1_000).map { _ in random.inRange(-2...2) }
    #expect(Set(draws) == [-2, -1, 0, 1, 2])
    let wide = (0..<1_000).map { _ in random.inRange(Int64.min...Int64.max) }
    #expect(wide.contains { $0 < 0 } && wide.contains { $0 > 0 })
  }

  @Test func weightedIndexNeverPicksAZeroWeight() {
    var random = SimulationRandom(seed: 7)
    let picks = (0..<10_000).map { _ in random.weightedIndex([3, 0, 1]) }
    #expect(!picks.contains(1))
    let firstShare = picks.count { $0 == 0 }
    #expect((7_000...8_000).contains(firstShare))
  }
}
