/// PostgreSQL's COPY text format: fields separated by a tab, rows ended by a newline, `\N` for NULL,
/// and backslash escapes for the characters that would otherwise end a field or a row.
public enum PostgresCopyText {
  static let fieldSeparator = UInt8(ascii: "\t")
  static let rowSeparator = UInt8(ascii: "\n")
  private static let backslash = UInt8(ascii: "\\")

  /// The field as it must appear in COPY text data: `\N` for nil; backslash, tab, newline and
  /// carriage return escaped.
  public static func escape(_ field: String?) -> String {
    var bytes: [UInt8] = []
    appendEscaped(field, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A whole row, fields escaped and joined by tabs, without the final newline.
  public static func row(_ fields: [String?]) -> String {
    fields.map(escape).joined(separator: "\t")
  }

  static func appendEscaped(_ field: String?, to buffer: inout [UInt8]) {
    guard let field else {
      buffer.append(backslash)
      buffer.append(UInt8(ascii: "N"))
      return
    }
    for byte in field.utf8 {
      switch byte {
      case backslash: buffer.append(contentsOf: [backslash, backslash])
      case UInt8(ascii: "\t"): buffer.append(contentsOf: [backslash, UInt8(ascii: "t")])
      case UInt8(ascii: "\n"): buffer.append(contentsOf: [backslash, UInt8(ascii: "n")])
      case UInt8(ascii: "\r"): buffer.append(contentsOf: [backslash, UInt8(ascii: "r")])
      default: buffer.append(byte)
      }
    }
  }
}
