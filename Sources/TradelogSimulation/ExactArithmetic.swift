/// The integer arithmetic of SEMANTICS.md, exact: a product or sum that does not fit `Int64` is
/// reported as `nil` rather than wrapped or trapped, and a fee is computed on the full 128-bit product.
public enum ExactArithmetic {
  /// `fee(notional, bps) = notional × bps / 10000`, rounded down. The product is taken at full width
  /// (128 bits), so no intermediate overflows; the result is at most a tenth of `notional`
  /// (bps ≤ 1000) and always fits.
  public static func fee(notional: Int64, basisPoints: Int32) -> Int64 {
    precondition(notional >= 0, "a fee is taken from a non-negative notional, got \(notional)")
    precondition(basisPoints >= 0 && basisPoints <= 1000, "fee rates are 0…1000 bps, got \(basisPoints)")
    let product = UInt64(notional).multipliedFullWidth(by: UInt64(basisPoints))
    // The quotient is at most notional / 10, so it cannot overflow the division.
    let (quotient, _) = UInt64(10_000).dividingFullWidth(product)
    return Int64(quotient)
  }

  /// `left × right`, or nil when the exact product does not fit `Int64`.
  public static func product(_ left: Int64, _ right: Int64) -> Int64? {
    let (result, overflow) = left.multipliedReportingOverflow(by: right)
    return overflow ? nil : result
  }

  /// `left + right`, or nil when the exact sum does not fit `Int64`.
  public static func sum(_ left: Int64, _ right: Int64) -> Int64? {
    let (result, overflow) = left.addingReportingOverflow(right)
    return overflow ? nil : result
  }

  /// What a LIMIT BUY of `quantity` lots at `price` holds (SEMANTICS.md, Balances):
  /// `price × quantity + fee(price × quantity, feeBps)`, or nil when it does not fit `Int64`.
  public static func buyHold(price: Int64, quantity: Int64, feeBasisPoints: Int32) -> Int64? {
    precondition(
      price > 0 && quantity > 0, "a buy holds for a positive price and quantity, got \(price) × \(quantity)")
    guard let notional = product(price, quantity) else { return nil }
    return sum(notional, fee(notional: notional, basisPoints: feeBasisPoints))
  }
}
