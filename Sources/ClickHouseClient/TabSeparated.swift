/// ClickHouse's TabSeparated format: fields separated by tabs, rows by newlines, `\N` for NULL, and
/// backslash escapes for the characters that would otherwise end a field or a row.
public enum TabSeparated {
  /// The field as it must appear in TabSeparated data: `\N` for nil; backslash, tab, newline,
  /// carriage return and NUL escaped.
  public static func escape(_ field: String?) -> String {
    guard let field else { return "\\N" }
    guard field.utf8.contains(where: needsEscape) else { return field }
    var escaped = ""
    escaped.reserveCapacity(field.utf8.count + 8)
    for character in field.unicodeScalars {
      switch character {
      case "\\": escaped += "\\\\"
      case "\t": escaped += "\\t"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\0": escaped += "\\0"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  /// A whole row, fields escaped and joined by tabs, ended by a newline.
  public static func row(_ fields: [String?]) -> String {
    fields.map(escape).joined(separator: "\t") + "\n"
  }

  /// The value a TabSeparated field stands for: nil for `\N`, otherwise the text with ClickHouse's
  /// escapes (`\\ \t \n \r \0 \b \f \'`) decoded.
  public static func unescape(_ field: Substring) -> String? {
    if field == "\\N" { return nil }
    guard field.contains("\\") else { return String(field) }
    var text = ""
    var scalars = field.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\\", let escaped = scalars.next() else {
        text.unicodeScalars.append(scalar)
        continue
      }
      switch escaped {
      case "t": text += "\t"
      case "n": text += "\n"
      case "r": text += "\r"
      case "0": text += "\0"
      case "b": text += "\u{8}"
      case "f": text += "\u{C}"
      default: text.unicodeScalars.append(escaped)  // \\ \' and any other escaped character
      }
    }
    return text
  }

  /// The rows of TabSeparated output, each field unescaped.
  public static func rows(in text: String) -> [[String?]] {
    guard !text.isEmpty else { return [] }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Every row ends with a newline, so splitting leaves an empty piece after the last one.
    if text.hasSuffix("\n") { lines.removeLast() }
    return lines.map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map(unescape) }
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r") || byte == 0
  }
}
