#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows `ProjectionProgress` on standard error: redrawn in place (carriage return) a few times a
/// second on a terminal, a plain line every few seconds otherwise (a log file or a pipe).
final class ProgressDisplay: @unchecked Sendable {
  private let isTerminal: Bool
  private let interval: Duration
  private let clock = ContinuousClock()
  private var lastShown: ContinuousClock.Instant?
  private var showsLine = false

  init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.isTerminal = isTerminal
    interval = isTerminal ? .milliseconds(200) : .seconds(2)
  }

  /// Shows `progress` if enough time went by since the last one, or if `force`.
  func show(_ progress: ProjectionProgress, force: Bool = false) {
    let now = clock.now
    if !force, let lastShown, lastShown.duration(to: now) < interval { return }
    lastShown = now
    if isTerminal {
      Diagnostics.write("\r\u{1B}[2K" + progress.rendered())
      showsLine = true
    } else {
      Diagnostics.write(progress.rendered() + "\n")
    }
  }

  /// Ends the line being redrawn, so the next message starts on its own.
  func finish() {
    if showsLine { Diagnostics.write("\n") }
    showsLine = false
  }
}
