/// How the embedded log stores a record's headers in one blob, simple enough to read in any language:
///
///     headers := entry*
///     entry   := nameLength name valueLength value
///     nameLength, valueLength := unsigned 32-bit big-endian byte counts
///     name    := UTF-8 bytes;  value := raw bytes
///
/// Entries appear in the record's header order. A record without headers stores SQL NULL instead of
/// an empty blob. Example: `content-type: application/json` is
/// `00 00 00 0C "content-type" 00 00 00 10 "application/json"`.
enum RecordHeaderCodec {
  /// Appends the encoding of `headers` to `buffer`, which the caller reuses across records.
  static func encode(_ headers: [RecordHeader], into buffer: inout [UInt8]) {
    for header in headers {
      var name = header.name
      name.withUTF8 { nameBytes in appendLengthPrefixed(UnsafeRawBufferPointer(nameBytes), to: &buffer) }
      header.value.withUnsafeBytes { valueBytes in appendLengthPrefixed(valueBytes, to: &buffer) }
    }
  }

  /// The headers in `bytes`, or nil when the bytes are not a valid encoding (a length runs past the
  /// end, or a name is not UTF-8).
  static func decode(_ bytes: UnsafeRawBufferPointer) -> [RecordHeader]? {
    var headers: [RecordHeader] = []
    var offset = 0
    while offset < bytes.count {
      guard let nameBytes = lengthPrefixed(in: bytes, at: &offset),
        let name = String(validating: nameBytes, as: UTF8.self),
        let valueBytes = lengthPrefixed(in: bytes, at: &offset)
      else { return nil }
      headers.append(RecordHeader(name: name, value: Array(valueBytes)))
    }
    return headers
  }

  private static func appendLengthPrefixed(_ bytes: UnsafeRawBufferPointer, to buffer: inout [UInt8]) {
    // SQLite refuses blobs over 1 GB long before a length could overflow 32 bits.
    precondition(bytes.count <= UInt32.max, "a header name or value of \(bytes.count) bytes is too long")
    let length = UInt32(bytes.count)
    buffer.append(UInt8(truncatingIfNeeded: length >> 24))
    buffer.append(UInt8(truncatingIfNeeded: length >> 16))
    buffer.append(UInt8(truncatingIfNeeded: length >> 8))
    buffer.append(UInt8(truncatingIfNeeded: length))
    buffer.append(contentsOf: bytes)
  }

  private static func lengthPrefixed(
    in bytes: UnsafeRawBufferPointer, at offset: inout Int
  )
    -> UnsafeRawBufferPointer.SubSequence?
  {
    guard bytes.count - offset >= 4 else { return nil }
    var length = 0
    for index in offset..<offset + 4 { length = length << 8 | Int(bytes[index]) }
    offset += 4
    guard bytes.count - offset >= length else { return nil }
    defer { offset += length }
    return bytes[offset..<offset + length]
  }
}
