import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows `ProjectionProgress` on standard error: redrawn in place (carriage return) a few times a
/// second on a terminal, a plain line every few seconds otherwise (a log file or a pipe). Both
/// projectors show their rebuilds and catch-ups through it.
///
/// Used by one thread at a time (the projector's), hence `@unchecked Sendable`.
public final class ProgressDisplay: @unchecked Sendable {
  private let isTerminal: Bool
  private let interval: Duration
  private let clock = ContinuousClock()
  private var lastShown: ContinuousClock.Instant?
  private var showsLine = false

  public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.isTerminal = isTerminal
    interval = isTerminal ? .milliseconds(200) : .seconds(2)
  }

  /// Shows `progress`, after `label` if given (`rebuild`, `catch-up`), if enough time went by since
  /// the last one, or if `force`.
  public func show(_ progress: ProjectionProgress, label: String? = nil, force: Bool = false) {
    let now = clock.now
    if !force, let lastShown, lastShown.duration(to: now) < interval { return }
    lastShown = now
    let line = (label.map { $0 + " " } ?? "") + progress.rendered()
    if isTerminal {
      Self.write("\r\u{1B}[2K" + line)
      showsLine = true
    } else {
      Self.write(line + "\n")
    }
  }

  /// Ends the line being redrawn, so the next message starts on its own.
  public func finish() {
    if showsLine { Self.write("\n") }
    showsLine = false
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
