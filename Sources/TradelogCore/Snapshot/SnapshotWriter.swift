/// Where an encoding goes: into bytes, or straight into a hash.
protocol SnapshotSink {
  mutating func write(_ bytes: UnsafeRawBufferPointer)
}

/// Collects the encoding as bytes.
struct ByteArraySink: SnapshotSink {
  var bytes: [UInt8] = []

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    self.bytes.append(contentsOf: bytes)
  }
}

/// Hashes the encoding without keeping it, in chunks so that SHA-256 sees whole blocks.
struct HashingSink: SnapshotSink {
  private var hasher: SHA256
  private var chunk: [UInt8] = []
  private static let chunkByteCount = 16 * 1024

  init(blockCompression: SHA256.BlockCompression? = nil) {
    hasher = SHA256(blockCompression: blockCompression)
    chunk.reserveCapacity(Self.chunkByteCount)
  }

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    chunk.append(contentsOf: bytes)
    if chunk.count >= Self.chunkByteCount {
      hasher.update(chunk)
      chunk.removeAll(keepingCapacity: true)
    }
  }

  consuming func finalize() -> [UInt8] {
    hasher.update(chunk)
    return hasher.finalize()
  }
}

/// Writes the fields of the format into a sink.
struct SnapshotWriter<Sink: SnapshotSink> {
  var sink: Sink

  mutating func write<Value: FixedWidthInteger>(_ value: Value) {
    withUnsafeBytes(of: value.littleEndian) { sink.write($0) }
  }

  mutating func write(_ symbol: Symbol) {
    write(UInt8(symbol.count))
    for index in 0..<symbol.count { write(symbol[index]) }
  }

  mutating func writeCount(_ count: Int) {
    write(UInt32(count))
  }
}
