/// A seeded pseudo-random generator whose output depends only on its seed: xoshiro256** (Blackman and
/// Vigna), its state filled by SplitMix64 from the seed, as its authors recommend.
///
/// Use the methods here (`below`, `inRange`, `chance`, `pick`) rather than the standard library's
/// `random(in:using:)`: those are free to change their algorithm between toolchains, these are not, so
/// a seed reproduces a workload on any platform and any Swift version.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var mixed = splitMix
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return mixed ^ (mixed >> 31)
    }
    // SplitMix64 never yields four zero words in a row, so the state is never all zero.
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// Starts from a given state, as the reference implementation's test vectors do. The state must not
  /// be all zero (the generator would only ever return zero).
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(state != (0, 0, 0, 0), "xoshiro256** cannot start from an all-zero state")
    self.state = state
  }

  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
    (value << count) | (value >> (64 - count))
  }

  /// A uniform value in `0..<bound` (Lemire's multiply-and-reject method, unbiased).
  public mutating func below(_ bound: UInt64) -> UInt64 {
    precondition(bound > 0, "below(0) has no values")
    let threshold = (0 &- bound) % bound
    while true {
      let (high, low) = next().multipliedFullWidth(by: bound)
      if low >= threshold { return high }
    }
  }

  /// A uniform index in `0..<count`.
  public mutating func index(below count: Int) -> Int {
    Int(below(UInt64(count)))
  }

  /// A uniform value in `range`.
  public mutating func inRange(_ range: ClosedRange<Int64>) -> Int64 {
    let width = UInt64(bitPattern: range.upperBound &- range.lowerBound)
    if width == UInt64.max { return Int64(bitPattern: next()) }
    return range.lowerBound &+ Int64(bitPattern: below(width + 1))
  }

  /// True with probability `numerator / denominator`.
  public mutating func chance(_ numerator: UInt64, in denominator: UInt64) -> Bool {
    below(denominator) < numerator
  }

  /// A uniform element of a non-empty collection.
  public mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[index(below: elements.count)]
  }

  /// An index chosen with probability proportional to its weight (weights ≥ 0, some > 0).
  public mutating func weightedIndex(_ weights: [Int]) -> Int {
    let total = weights.reduce(0, +)
    precondition(total > 0, "at least one weight must be positive")
    var target = index(below: total)
    for (index, weight) in weights.enumerated() {
      if target < weight { return index }
      target -= weight
    }
    preconditionFailure("unreachable: target below the total weight")
  }
}
