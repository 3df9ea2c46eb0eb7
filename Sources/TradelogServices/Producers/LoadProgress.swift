/// How far a load has got: the figures of its progress line.
public struct LoadProgress: Sendable, Equatable {
  public let appended: Int
  public let total: Int
  public let elapsed: Duration

  public init(appended: Int, total: Int, elapsed: Duration) {
    self.appended = appended
    self.total = total
    self.elapsed = elapsed
  }

  public var elapsedSeconds: Double {
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// Commands per second so far; 0 before any time has passed.
  public var ratePerSecond: Double {
    elapsedSeconds > 0 ? Double(appended) / elapsedSeconds : 0
  }

  /// Seconds until the end at the rate so far; nil while there is no rate yet.
  public var remainingSeconds: Double? {
    let rate = ratePerSecond
    return rate > 0 ? Double(total - appended) / rate : nil
  }

  /// `12000/100000 commands (12%), 48211/s, ETA 1.8 s`.
  public var line: String {
    let percent = total > 0 ? appended * 100 / total : 100
    let eta = remainingSeconds.map { Self.formatSeconds($0) } ?? "?"
    return "\(appended)/\(total) commands (\(percent)%), \(Int(ratePerSecond.rounded()))/s, "
      + (appended >= total ? "done in \(Self.formatSeconds(elapsedSeconds))" : "ETA \(eta)")
  }

  static func formatSeconds(_ seconds: Double) -> String {
    if seconds < 10 { return "\((seconds * 10).rounded() / 10) s" }
    let whole = Int(seconds.rounded())
    if whole < 120 { return "\(whole) s" }
    return "\(whole / 60) min \(whole % 60) s"
  }
}
