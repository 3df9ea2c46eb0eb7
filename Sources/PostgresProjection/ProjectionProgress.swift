import Foundation

/// A progress bar for long projections (a rebuild, a large catch-up) on standard error: redrawn in
/// place on a terminal, plain lines now and then otherwise (a log file should not fill with bars).
public final class ProjectionProgress {
  private let isTerminal: Bool
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDrawn: ContinuousClock.Instant?
  private var hasDrawnInPlace = false
  private let write: (String) -> Void

  /// Draws on standard error, in place when it is a terminal.
  public convenience init() {
    self.init(isTerminal: isatty(STDERR_FILENO) == 1) { text in
      FileHandle.standardError.write(Data(text.utf8))
    }
  }

  public init(isTerminal: Bool, write: @escaping (String) -> Void) {
    self.isTerminal = isTerminal
    self.write = write
    start = clock.now
  }

  private var interval: Duration { isTerminal ? .milliseconds(100) : .seconds(2) }

  /// `done` of `total` batches (log positions), after `events` events applied in this run.
  func update(title: String, done: Int64, total: Int64, events: Int, force: Bool = false) {
    let now = clock.now
    if !force, let lastDrawn, now - lastDrawn < interval { return }
    lastDrawn = now
    let line = Self.line(title: title, done: done, total: total, events: events, elapsed: now - start)
    if isTerminal {
      write("\r\u{1B}[K" + line)
      hasDrawnInPlace = true
    } else {
      write(line + "\n")
    }
  }

  /// Ends the in-place line, so that what follows starts on a line of its own.
  func finish() {
    if hasDrawnInPlace { write("\n") }
    hasDrawnInPlace = false
  }

  static func line(title: String, done: Int64, total: Int64, events: Int, elapsed: Duration) -> String {
    let seconds = max(elapsed.secondsValue, 0.001)
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let eventsPerSecond = Int(Double(events) / seconds)
    let batchesPerSecond = Double(done) / seconds
    let remaining = batchesPerSecond > 0 ? Double(max(0, total - done)) / batchesPerSecond : 0
    let percent = String(format: "%5.1f%%", fraction * 100)
    return "\(title) [\(bar)] \(percent) \(done)/\(total) batches  \(eventsPerSecond) events/s  "
      + "ETA \(formatted(seconds: remaining))"
  }

  static func formatted(seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
    return hours > 0
      ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
  }
}

extension Duration {
  var secondsValue: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
