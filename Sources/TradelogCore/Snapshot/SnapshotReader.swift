/// Reads the fields of the format from untrusted bytes: every read is bounds-checked and throws.
struct SnapshotReader {
  private let bytes: [UInt8]
  private(set) var offset = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var remainingByteCount: Int { bytes.count - offset }

  mutating func read<Value: FixedWidthInteger>(_: Value.Type) throws(SnapshotDecodingError) -> Value {
    let size = MemoryLayout<Value>.size
    guard remainingByteCount >= size else { throw .truncated(offset: offset) }
    // One unaligned load instead of a loop over bytes: decoding reads millions of fields.
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Value.self) }
    offset += size
    return Value(littleEndian: value)
  }

  mutating func readSymbol() throws(SnapshotDecodingError) -> Symbol {
    let start = offset
    let count = Int(try read(UInt8.self))
    guard remainingByteCount >= count else { throw .truncated(offset: start) }
    guard count <= Symbol.capacity, let symbol = Symbol(bytes: bytes[offset..<offset + count]) else {
      throw .invalidState(offset: start, reason: "a name of \(count) bytes, or with a zero byte")
    }
    offset += count
    return symbol
  }

  /// A count of items that take at least `itemByteCount` bytes each: no more than the bytes left can
  /// hold, so a corrupt count cannot make the decoder reserve or loop without end.
  mutating func readCount(itemByteCount: Int) throws(SnapshotDecodingError) -> Int {
    let start = offset
    let count = Int(try read(UInt32.self))
    guard count <= remainingByteCount / max(itemByteCount, 1) else { throw .truncated(offset: start) }
    return count
  }

  func invalid(_ reason: String) -> SnapshotDecodingError {
    .invalidState(offset: offset, reason: reason)
  }
}
