/// Exact integer arithmetic of fees (SEMANTICS.md: `fee(notional, bps) = notional × bps / 10000`,
/// rounded down, without intermediate overflow).
enum FeeArithmetic {
  static let basisPointsPerUnit: Int64 = 10_000
  static let basisPointsMax: Int32 = 1_000

  /// Below this, `notional × bps` fits `Int64` for every valid bps, so the common case needs no
  /// 128-bit division (which costs tens of cycles).
  private static let directNotionalMax = Int64.max / Int64(basisPointsMax)

  @inline(__always)
  static func fee(notional: Int64, basisPoints: Int32) -> Int64 {
    precondition(notional >= 0, "a notional is never negative")
    precondition(basisPoints >= 0 && basisPoints <= basisPointsMax, "fees are validated to 0…1000 bps")
    if notional <= directNotionalMax {
      return notional * Int64(basisPoints) / basisPointsPerUnit
    }
    let product = notional.multipliedFullWidth(by: Int64(basisPoints))
    return basisPointsPerUnit.dividingFullWidth(product).quotient
  }

  /// `notional + fee(notional, bps)`, or nil when it does not fit `Int64`.
  @inline(__always)
  static func notionalWithFee(_ notional: Int64, basisPoints: Int32) -> Int64? {
    let (sum, overflow) = notional.addingReportingOverflow(fee(notional: notional, basisPoints: basisPoints))
    return overflow ? nil : sum
  }

  /// The largest `q` with `price × q + fee(price × q, bps) ≤ budget`: how many lots a MARKET BUY can
  /// pay for at `price`.
  ///
  /// `price × q + ⌊price × q × bps / 10000⌋ = ⌊price × q × (10000 + bps) / 10000⌋`, and
  /// `⌊x / 10000⌋ ≤ budget ⟺ x ≤ 10000 × budget + 9999`, so `q` is one exact 128-bit division.
  static func affordableLots(price: Int64, budget: Int64, basisPoints: Int32) -> Int64 {
    precondition(price > 0 && budget >= 0, "a maker's price is positive and a budget never negative")
    let numerator = UInt128(budget) * UInt128(basisPointsPerUnit) + UInt128(basisPointsPerUnit - 1)
    let denominator = UInt128(price) * UInt128(basisPointsPerUnit + Int64(basisPoints))
    let lots = numerator / denominator
    return lots > UInt128(Int64.max) ? Int64.max : Int64(lots)
  }
}
