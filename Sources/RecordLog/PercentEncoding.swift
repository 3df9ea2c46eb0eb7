/// `%HH` escapes for option names and values in log addresses, over UTF-8 bytes.
enum PercentEncoding {
  /// The text with each `%HH` replaced by its byte; nil if an escape is malformed or the bytes are
  /// not UTF-8. `+` stays `+`: these are not HTML form values.
  static func decode(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(ASCII.hexValue),
        let low = iterator.next().flatMap(ASCII.hexValue)
      else { return nil }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// The text with every byte that could change how an address parses (`?`, `&`, `=`, `%`, `#`,
  /// spaces, non-ASCII) written as `%HH`.
  static func encode(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      if ASCII.isLetterOrDigit(byte) || "-._~:/,;@+".utf8.contains(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = "0123456789ABCDEF".utf8.map { $0 }
        result += "%"
        result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
        result.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
      }
    }
    return result
  }
}
