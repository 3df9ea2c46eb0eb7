import Foundation

/// A progress line on standard error: rewritten in place when standard error is a terminal, or
/// written as plain lines (at most one per `plainInterval`) when it goes to a file or a pipe, where
/// carriage returns would garble a log.
final class ProgressLine {
  private let label: String
  private let isTerminal: Bool
  private let clock = ContinuousClock()
  /// The start counts as a line shown, so a short run prints only its final line.
  private var lastShown: ContinuousClock.Instant
  private let terminalInterval: Duration = .milliseconds(100)
  private let plainInterval: Duration = .seconds(2)

  init(label: String) {
    self.label = label
    isTerminal = isatty(STDERR_FILENO) == 1
    lastShown = clock.now
  }

  /// Shows `text` unless a line was shown too recently.
  func update(_ text: String) {
    let now = clock.now
    guard lastShown.duration(to: now) >= (isTerminal ? terminalInterval : plainInterval) else { return }
    lastShown = now
    show(text)
  }

  /// Shows `text` whatever the time, and ends the line.
  func finish(_ text: String) {
    show(text)
    if isTerminal { write("\n") }
  }

  private func show(_ text: String) {
    // On a terminal: back to the start of the line, the text, then erase what is left of a longer
    // earlier line.
    write(isTerminal ? "\r\(label): \(text)\u{1B}[K" : "\(label): \(text)\n")
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
