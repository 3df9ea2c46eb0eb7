extension Duration {
  /// The duration as librdkafka's `int timeout_ms`, clamped to 0...Int32.max: librdkafka reads a
  /// negative timeout as "wait forever", which a negative Duration must never become. Rounded up,
  /// so a short positive timeout does not turn into a non-blocking call.
  var clampedMilliseconds: Int32 {
    guard self > .zero else { return 0 }
    let (seconds, attoseconds) = components
    let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
    let fraction = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
    guard seconds < Int64(Int32.max) / 1000 else { return Int32.max }
    return Int32(min(seconds * 1000 + fraction, Int64(Int32.max)))
  }
}
