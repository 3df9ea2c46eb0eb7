extension SnapshotHeader {
  /// Reads the header at the start of a snapshot's content and checks what it can without the body:
  /// magic, version, sizes, and that a chain hash is present exactly when a batch was sealed.
  /// `file` names the snapshot in error messages.
  init(decoding content: [UInt8], file: String) throws(SnapshotStoreError) {
    guard content.count >= Self.magic.count + 4 else {
      throw SnapshotStoreError(
        kind: .truncated,
        message: "\(file) holds \(content.count) bytes, less than a snapshot header: the write did not "
          + "finish. It is skipped; delete it")
    }
    guard Array(content[0..<Self.magic.count]) == Self.magic else {
      throw SnapshotStoreError(
        kind: .notASnapshot,
        message: "\(file) is an LZ4 frame but not a Tradelog snapshot (its content does not start with "
          + "TLOGSNAP); move it out of the snapshot directory")
    }
    var reader = LittleEndianReader(bytes: content, offset: Self.magic.count)
    let version: UInt16 = reader.read()
    guard version == Self.formatVersion else {
      throw SnapshotStoreError(
        kind: .unsupportedVersion,
        message: "\(file) is snapshot format version \(version); this build reads version "
          + "\(Self.formatVersion). Run the build that wrote it, or let this one replay the command log")
    }
    let headerByteCount: UInt16 = reader.read()
    guard Int(headerByteCount) == Self.byteCount else {
      throw Self.inconsistent(file, "its header claims \(headerByteCount) bytes instead of \(Self.byteCount)")
    }
    guard content.count >= Self.byteCount else {
      throw SnapshotStoreError(
        kind: .truncated,
        message: "\(file) ends inside its header (\(content.count) of \(Self.byteCount) bytes): the write "
          + "did not finish. It is skipped; delete it")
    }
    try self.init(reading: &reader, contentByteCount: content.count, file: file)
  }

  private init(
    reading reader: inout LittleEndianReader, contentByteCount: Int, file: String
  ) throws(SnapshotStoreError) {
    let commandPosition: UInt64 = reader.read()
    let lastSeq: UInt64 = reader.read()
    let chainHash = reader.readBytes(Self.hashByteCount)
    let stateHash = reader.readBytes(Self.hashByteCount)
    let bodyByteCount: UInt64 = reader.read()
    let checksum = reader.readBytes(Self.hashByteCount)
    guard commandPosition <= UInt64(Int64.max) else {
      throw Self.inconsistent(file, "its command position \(commandPosition) is out of range")
    }
    let chainHashIsZero = chainHash.allSatisfy { $0 == 0 }
    guard (lastSeq == 0) == chainHashIsZero else {
      throw Self.inconsistent(
        file, "last seq \(lastSeq) and a \(chainHashIsZero ? "missing" : "present") chain hash contradict")
    }
    let actualBodyByteCount = contentByteCount - Self.byteCount
    guard bodyByteCount == UInt64(actualBodyByteCount) else {
      throw SnapshotStoreError(
        kind: bodyByteCount > UInt64(actualBodyByteCount) ? .truncated : .inconsistentHeader,
        message: "\(file) declares a body of \(bodyByteCount) bytes but holds \(actualBodyByteCount): "
          + "the file is damaged or was cut short. It is skipped; delete it")
    }
    self.init(
      point: SnapshotPoint(
        commandPosition: Int64(commandPosition), lastSeq: lastSeq, chainHash: lastSeq == 0 ? [] : chainHash),
      stateHash: stateHash, bodyByteCount: bodyByteCount, checksum: checksum)
  }

  private static func inconsistent(_ file: String, _ reason: String) -> SnapshotStoreError {
    SnapshotStoreError(
      kind: .inconsistentHeader,
      message: "\(file) has an inconsistent header: \(reason). The file is damaged; it is skipped")
  }
}

/// Reads little-endian integers and byte runs from a buffer whose length the caller checked.
struct LittleEndianReader {
  let bytes: [UInt8]
  var offset: Int

  mutating func read<Value: FixedWidthInteger>() -> Value {
    var value: Value = 0
    for index in 0..<MemoryLayout<Value>.size {
      value |= Value(bytes[offset + index]) << (8 * index)
    }
    offset += MemoryLayout<Value>.size
    return value
  }

  mutating func readBytes(_ count: Int) -> [UInt8] {
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }
}
