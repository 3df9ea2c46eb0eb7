extension Duration {
  /// The duration in seconds, for Foundation calls that take a `TimeInterval`.
  var timeInterval: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
