extension Duration {
  /// The duration as librdkafka's `int timeout_ms`: rounded up so a short positive timeout does not
  /// become a non-blocking poll, clamped to 0...Int32.max.
  var clampedMilliseconds: Int32 {
    let (seconds, attoseconds) = components
    guard seconds >= 0, (seconds, attoseconds) != (0, 0) else { return 0 }
    let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
    let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    guard !milliseconds.overflow, milliseconds.partialValue < Int64(Int32.max) else { return Int32.max }
    return Int32(min(milliseconds.partialValue + fraction, Int64(Int32.max)))
  }
}
