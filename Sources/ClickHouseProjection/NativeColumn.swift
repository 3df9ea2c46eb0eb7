import TradelogCore

/// One column of a block in ClickHouse's Native format, built value by value: its name, its type as
/// the server spells it, and its values laid out as the format wants them (fixed-width integers
/// little-endian, strings as a LEB128 length and their bytes).
///
/// The projector writes Native rather than text because the server reads exactly the rows a Native
/// block announces: a body cut short by a killed client fails as a whole, where a text body cut at a
/// line end would insert the rows that arrived (measured on 18.16).
///
/// Fixed-width values are kept in arrays of their own width, each already little-endian, so that
/// appending one is a single array append and the block takes their memory as it is. Appending each
/// value's bytes to one byte array went through the generic sequence path, about half of the
/// projector's row building.
struct NativeColumn: Sendable {
  let name: String
  /// The column's type exactly as in the table's DDL, such as `UInt64` or `Enum8('BUY' = 1, 'SELL' = 2)`.
  let type: String
  /// The values of a 64-bit column, little-endian.
  private var words: [UInt64] = []
  /// The values of a 32-bit column, little-endian.
  private var halfWords: [UInt32] = []
  /// The values of an `Enum8` or `String` column, already in the format's layout.
  private var bytes: [UInt8] = []
  private(set) var count = 0

  init(name: String, type: String) {
    self.name = name
    self.type = type
  }

  /// The size of the column's values in a block.
  var byteCount: Int {
    words.count * MemoryLayout<UInt64>.size + halfWords.count * MemoryLayout<UInt32>.size + bytes.count
  }

  mutating func append(_ value: UInt64) {
    words.append(value.littleEndian)
    count += 1
  }

  mutating func append(_ value: Int64) {
    append(UInt64(bitPattern: value))
  }

  mutating func append(_ value: UInt32) {
    halfWords.append(value.littleEndian)
    count += 1
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
    words.removeAll(keepingCapacity: true)
    halfWords.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
    count = 0
  }

  /// Appends the values, as the format lays them out, to a block being encoded. A column holds one
  /// kind of value, so at most one of the arrays is not empty.
  func appendValues(to block: inout [UInt8]) {
    let widthsUsed = (words.isEmpty ? 0 : 1) + (halfWords.isEmpty ? 0 : 1) + (bytes.isEmpty ? 0 : 1)
    precondition(widthsUsed <= 1, "column \(name) mixes values of different widths")
    words.withUnsafeBytes { block.append(contentsOf: $0) }
    halfWords.withUnsafeBytes { block.append(contentsOf: $0) }
    block.append(contentsOf: bytes)
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
