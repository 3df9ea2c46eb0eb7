import TradelogCore

/// One column of a block in ClickHouse's Native format, built value by value: its name, its type as
/// the server spells it, and its values laid out as the format wants them (fixed-width integers
/// little-endian, strings as a LEB128 length and their bytes).
///
/// The projector writes Native rather than text because the server reads exactly the rows a Native
/// block announces: a body cut short by a killed client fails as a whole, where a text body cut at a
/// line end would insert the rows that arrived (measured on 18.16).
struct NativeColumn: Sendable {
  let name: String
  /// The column's type exactly as in the table's DDL, such as `UInt64` or `Enum8('BUY' = 1, 'SELL' = 2)`.
  let type: String
  private(set) var bytes: [UInt8] = []
  private(set) var count = 0

  init(name: String, type: String) {
    self.name = name
    self.type = type
  }

  mutating func append(_ value: UInt64) {
    appendLittleEndian(value, byteCount: 8)
  }

  mutating func append(_ value: Int64) {
    appendLittleEndian(UInt64(bitPattern: value), byteCount: 8)
  }

  mutating func append(_ value: UInt32) {
    appendLittleEndian(UInt64(value), byteCount: 4)
  }

  /// An `Enum8` value: its number, one signed byte.
  mutating func appendEnum8(_ value: UInt8) {
    precondition(value <= 127, "Enum8 holds numbers up to 127, not \(value)")
    bytes.append(value)
    count += 1
  }

  /// A name, written from its inline bytes without making a `String`.
  mutating func append(_ symbol: Symbol) {
    let length = symbol.count
    NativeColumn.appendLength(length, to: &bytes)
    for index in 0..<length { bytes.append(symbol[index]) }
    count += 1
  }

  mutating func append(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      NativeColumn.appendLength(utf8.count, to: &bytes)
      bytes.append(contentsOf: utf8)
    }
    count += 1
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    count = 0
  }

  private mutating func appendLittleEndian(_ value: UInt64, byteCount: Int) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0.prefix(byteCount)) }
    count += 1
  }

  /// LEB128, as the format writes every length and count.
  static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
    var remaining = UInt64(length)
    while remaining >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
      remaining >>= 7
    }
    bytes.append(UInt8(remaining))
  }
}
