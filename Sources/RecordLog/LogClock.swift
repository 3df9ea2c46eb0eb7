import Foundation

/// Where a log backend gets the time it stamps on appended records. Injected, so tests control it.
public protocol LogClock: Sendable {
  /// Milliseconds since the Unix epoch.
  func nowMilliseconds() -> Int64
}

/// The machine's wall clock. It may step backwards (NTP); the embedded log clamps its timestamps so
/// that they never decrease anyway.
public struct SystemLogClock: LogClock {
  public init() {}

  public func nowMilliseconds() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down))
  }
}
