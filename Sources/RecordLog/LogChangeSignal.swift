import Foundation
import Synchronization

/// Wakes the tailers of a log file in this process when a connection in this process appends to
/// it, so in-process tailing does not wait for its next poll. Appends by other processes are found by
/// polling; this only shortens the wait.
final class LogChangeSignal: @unchecked Sendable {
  // @unchecked: `counter` is only touched while `condition` is locked.
  private let condition = NSCondition()
  private var counter: UInt64 = 0

  /// One signal per file in this process, by resolved absolute path. Entries are never removed: a
  /// process opens a handful of logs.
  private static let signals = Mutex<[String: LogChangeSignal]>([:])

  static func forFile(at path: String) -> LogChangeSignal {
    let key = URL(filePath: path).absoluteURL.resolvingSymlinksInPath().path
    return signals.withLock { signals in
      if let signal = signals[key] { return signal }
      let signal = LogChangeSignal()
      signals[key] = signal
      return signal
    }
  }

  /// Moves on with every append.
  var generation: UInt64 {
    condition.lock()
    defer { condition.unlock() }
    return counter
  }

  /// Called after an append committed.
  func notify() {
    condition.lock()
    counter &+= 1
    condition.broadcast()
    condition.unlock()
  }

  /// Returns when the generation moves on from `seen`, or after `timeout`.
  func wait(whileGenerationIs seen: UInt64, upTo timeout: Duration) {
    let deadline = Date(timeIntervalSinceNow: timeout.timeInterval)
    condition.lock()
    defer { condition.unlock() }
    while counter == seen {
      // wait(until:) also returns spuriously; the loop checks again.
      if !condition.wait(until: deadline) { return }
    }
  }
}
