/// What `CommandSubmitter` appended, and where in its input it got to.
public struct SubmitSummary: Sendable, Equatable, CustomStringConvertible {
  /// Commands appended, one record each.
  public var appended = 0
  /// The positions the log gave the first and the last appended record.
  public var firstPosition: Int64?
  public var lastPosition: Int64?
  /// Numbers of the lines that were not commands and were skipped (`--skip-bad` only).
  public var skippedLines: [Int] = []
  /// Blank lines, which are skipped without a word: they hold no command.
  public var blankLines = 0
  /// The first line whose command is not on the log yet: where to submit again from after a failure.
  public var resumeLine = 1

  public init() {}

  public var description: String {
    var text = "appended \(appended) command\(appended == 1 ? "" : "s")"
    if let firstPosition, let lastPosition {
      text +=
        firstPosition == lastPosition
        ? " (position \(firstPosition))" : " (positions \(firstPosition)–\(lastPosition))"
    }
    if !skippedLines.isEmpty {
      let shown = skippedLines.prefix(10).map(String.init).joined(separator: ", ")
      text +=
        ", skipped \(skippedLines.count) bad line\(skippedLines.count == 1 ? "" : "s") (\(shown)"
        + (skippedLines.count > 10 ? ", …)" : ")")
    }
    return text
  }
}
