/// Where a catch-up or rebuild stands, and its one-line rendering: batches done of the log's total,
/// events per second and the time left at that rate.
public struct ProjectionProgress: Sendable, Equatable {
  public var batchesDone: Int64
  public var batchesTotal: Int64
  public var events: Int
  public var elapsed: Duration

  public init(batchesDone: Int64, batchesTotal: Int64, events: Int, elapsed: Duration) {
    self.batchesDone = batchesDone
    self.batchesTotal = batchesTotal
    self.events = events
    self.elapsed = elapsed
  }

  public var eventsPerSecond: Double {
    let seconds = elapsed / .seconds(1)
    return seconds > 0 ? Double(events) / seconds : 0
  }

  /// Nil until there is a rate to extrapolate from.
  public var remaining: Duration? {
    guard batchesDone > 0, elapsed > .zero else { return nil }
    let left = max(0, batchesTotal - batchesDone)
    return elapsed * (Double(left) / Double(batchesDone))
  }

  /// `[#########-----------]  45% 90,000/200,000 batches  812,345 events/s  ETA 0:12`
  public func rendered(barWidth: Int = 24) -> String {
    let fraction = batchesTotal > 0 ? min(1, Double(batchesDone) / Double(batchesTotal)) : 1
    let filled = Int((fraction * Double(barWidth)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
    let percent = Int((fraction * 100).rounded(.down))
    let eta = remaining.map(Self.clock) ?? "--:--"
    return "[\(bar)] \(Self.padded(percent, 3))% \(Self.grouped(batchesDone))/\(Self.grouped(batchesTotal)) "
      + "batches  \(Self.grouped(Int64(eventsPerSecond.rounded()))) events/s  ETA \(eta)"
  }

  static func clock(_ duration: Duration) -> String {
    let seconds = Int((duration / .seconds(1)).rounded(.up))
    let (hours, minutes, secondsLeft) = (seconds / 3_600, seconds / 60 % 60, seconds % 60)
    let tail =
      (minutes < 10 && hours > 0 ? "0" : "") + "\(minutes):" + (secondsLeft < 10 ? "0" : "")
      + "\(secondsLeft)"
    return hours > 0 ? "\(hours):\(tail)" : tail
  }

  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var text = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return (value < 0 ? "-" : "") + text
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
