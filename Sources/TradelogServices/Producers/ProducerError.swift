import RecordLog

/// Why a producer (`submit`, `load`) stopped. Every case says what was appended before it stopped,
/// so that nothing is lost silently and the user knows where to resume.
public enum ProducerError: Error, Sendable, Equatable, CustomStringConvertible {
  case cannotReadInput(path: String, reason: String)
  case lineTooLong(line: Int, maximum: Int)
  /// A line is not a command; with the summary of what was appended before it.
  case badLine(line: Int, reason: String, appended: SubmitSummary)
  /// The log refused an append; nothing of the failed batch was written (appends are atomic).
  case appendFailed(RecordLogError, appended: SubmitSummary)
  /// The log refused an append of the load generator after `appended` commands were appended.
  case loadAppendFailed(RecordLogError, appended: Int)

  public var description: String {
    switch self {
    case .cannotReadInput(let path, let reason):
      "cannot read \(path == "-" ? "standard input" : path): \(reason). Check the path and its permissions."
    case .lineTooLong(let line, let maximum):
      "line \(line) is longer than \(maximum) bytes: the input is not a JSON-lines command file."
    case .badLine(let line, let reason, let appended):
      "line \(line) is not a command: \(reason).\n"
        + "\(appended.description); nothing from line \(line) on was appended. Fix line \(line) and "
        + "submit again from there (e.g. tail -n +\(line) FILE | tradelog submit ...), or pass --skip-bad "
        + "to append the good lines and report the bad ones."
    case .appendFailed(let error, let appended):
      "appending to the log failed: \(error.message)\n"
        + "\(appended.description); the failed batch was not written (appends are all or nothing), "
        + "so submit again from line \(appended.resumeLine)."
    case .loadAppendFailed(let error, let appended):
      "appending to the log failed after \(appended) commands: \(error.message)"
    }
  }
}
