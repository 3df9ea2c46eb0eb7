extension LogAddress {
  /// Parses `sqlite:PATH` (also `sqlite:///ABSOLUTE/PATH`) or
  /// `kafka://HOST[:PORT][,HOST[:PORT]...]/TOPIC[?NAME=VALUE&...]`. The scheme is case-insensitive;
  /// a Kafka broker without a port gets 9092; option names and values may be percent-encoded.
  public init(parsing text: String) throws(RecordLogError) {
    guard let colon = text.firstIndex(of: ":") else {
      let hint = text.isEmpty ? "" : ": to use the SQLite file \(text), write sqlite:\(text)"
      throw Self.invalid(text, "it names no scheme\(hint)")
    }
    let afterScheme = text[text.index(after: colon)...]
    switch text[..<colon].lowercased() {
    case "sqlite":
      self = .sqlite(path: try Self.sqlitePath(afterScheme, in: text))
    case "kafka":
      self = .kafka(try KafkaLogAddress(parsingAfterScheme: afterScheme, in: text))
    case let scheme:
      throw Self.invalid(text, "the scheme `\(scheme)` is unknown (sqlite and kafka are)")
    }
  }

  static func invalid(_ text: String, _ reason: String) -> RecordLogError {
    RecordLogError(
      kind: .invalidAddress,
      message: "`\(text)` is not a log address: \(reason). Addresses look like \(examples)")
  }

  private static func sqlitePath(_ afterScheme: Substring, in text: String) throws(RecordLogError) -> String {
    var path = afterScheme
    if path.hasPrefix("//") {
      // URL style: `sqlite:///var/log.db` has an empty host. A host would suggest a remote file,
      // which SQLite cannot lock safely, so it is refused rather than silently read as a path.
      path = path.dropFirst(2)
      guard path.hasPrefix("/") else {
        throw invalid(
          text, "an SQLite log is a local file, not a host: write sqlite:PATH or sqlite:///ABSOLUTE/PATH")
      }
    }
    guard !path.isEmpty else { throw invalid(text, "it names no file after `sqlite:`") }
    guard !path.contains("\0") else { throw invalid(text, "the path contains a NUL character") }
    return String(path)
  }
}
