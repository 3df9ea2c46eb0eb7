import RecordLog

/// Why reading a log for `tradelog tail` stopped.
public enum TailError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Under `--kind events`, the record at `position` is not an event batch.
  case notAnEventBatch(position: Int64, reason: String)
  case readFailed(RecordLogError)

  public var description: String {
    switch self {
    case .notAnEventBatch(let position, let reason):
      "the record at position \(position) is not an event batch: \(reason). If this is a commands log, "
        + "use --kind commands (or auto)."
    case .readFailed(let error):
      "reading the log failed: \(error.message)"
    }
  }
}
