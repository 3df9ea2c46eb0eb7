/// Counts what the sequencer did since the last progress line, and says when the next one is due.
struct SequencerProgress {
  let interval: Duration
  private(set) var totalCommands = 0
  private var commandsSinceReport = 0
  private var lastReportAt = ContinuousClock.now

  init(interval: Duration) {
    self.interval = interval
  }

  mutating func applied(_ count: Int) {
    totalCommands += count
    commandsSinceReport += count
  }

  /// The commands per second since the last report, if a report is due at `instant`.
  mutating func reportDue(at instant: ContinuousClock.Instant) -> Int? {
    let elapsed = lastReportAt.duration(to: instant)
    guard elapsed >= interval else { return nil }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Int((Double(commandsSinceReport) / seconds).rounded())
    commandsSinceReport = 0
    lastReportAt = instant
    return rate
  }
}
