/// How far an audit has got: the figures of its progress line.
public struct AuditProgress: Sendable, Equatable {
  public let commandsVerified: Int
  /// The position of the next command to replay, and the commands log's end when the audit began:
  /// positions, not counts, because a Kafka log's positions have gaps.
  public let commandPosition: Int64
  public let commandsEndPosition: Int64
  public let elapsed: Duration

  public init(commandsVerified: Int, commandPosition: Int64, commandsEndPosition: Int64, elapsed: Duration) {
    self.commandsVerified = commandsVerified
    self.commandPosition = commandPosition
    self.commandsEndPosition = commandsEndPosition
    self.elapsed = elapsed
  }

  public var ratePerSecond: Double {
    let seconds = (elapsed / .seconds(1))
    return seconds > 0 ? Double(commandsVerified) / seconds : 0
  }

  /// Seconds until the end at the rate so far; nil while there is no rate yet.
  public var remainingSeconds: Double? {
    let rate = ratePerSecond
    return rate > 0 ? Double(commandsEndPosition - commandPosition) / rate : nil
  }

  /// `120000 commands verified (12%), 48211/s, ETA 18 s`.
  public var line: String {
    let percent = commandsEndPosition > 0 ? commandPosition * 100 / commandsEndPosition : 100
    let eta = remainingSeconds.map(LoadProgress.formatSeconds) ?? "?"
    return
      "\(commandsVerified) commands verified (\(percent)%), \(Int(ratePerSecond.rounded()))/s, ETA \(eta)"
  }
}
