import AcceleratedSHA256
import TradelogCore

/// The fixed header at the start of a snapshot file's content, before the engine's snapshot body.
///
/// Layout (little-endian, 132 bytes):
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `TLOGSNAP` |
/// | 8 | 2 | format version (1) |
/// | 10 | 2 | header size in bytes (132), so a later version can grow the header |
/// | 12 | 8 | command position: the next command record to apply |
/// | 20 | 8 | last `seq` sealed |
/// | 28 | 32 | chain hash of that batch (zeros when last `seq` is 0) |
/// | 60 | 32 | engine state hash: SHA-256 of the body |
/// | 92 | 8 | body size in bytes |
/// | 100 | 32 | checksum: SHA-256 of bytes 0..<100 followed by the body |
///
/// The LZ4 frame's own content checksum already catches most damage; this checksum also covers a
/// frame rebuilt from damaged content (`lz4 -d` then `lz4` again) and is what `verify` reports.
public struct SnapshotHeader: Sendable, Equatable {
  public static let magic: [UInt8] = Array("TLOGSNAP".utf8)
  public static let formatVersion: UInt16 = 1
  public static let byteCount = 132
  /// Everything before the checksum, which the checksum covers.
  static let checksummedByteCount = 100
  static let hashByteCount = SHA256.digestByteCount

  public var point: SnapshotPoint
  /// The engine state hash (`Engine.stateHash()`), equal to SHA-256 of the body.
  public var stateHash: [UInt8]
  public var bodyByteCount: UInt64
  public var checksum: [UInt8]

  /// The header of `body` at `point`: computes the state hash and the checksum.
  public init(point: SnapshotPoint, body: [UInt8]) {
    self.point = point
    stateHash = SHA256.acceleratedHash(body)
    bodyByteCount = UInt64(body.count)
    checksum = []
    checksum = computeChecksum(body: body)
  }

  init(point: SnapshotPoint, stateHash: [UInt8], bodyByteCount: UInt64, checksum: [UInt8]) {
    self.point = point
    self.stateHash = stateHash
    self.bodyByteCount = bodyByteCount
    self.checksum = checksum
  }

  /// SHA-256 of the header up to the checksum, then the body.
  func computeChecksum(body: some Collection<UInt8>) -> [UInt8] {
    var hasher = SHA256.accelerated()
    hasher.update(encoded().prefix(Self.checksummedByteCount))
    hasher.update(body)
    return hasher.finalize()
  }

  /// The header's 132 bytes.
  func encoded() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.byteCount)
    bytes.append(contentsOf: Self.magic)
    bytes.appendLittleEndian(Self.formatVersion)
    bytes.appendLittleEndian(UInt16(Self.byteCount))
    bytes.appendLittleEndian(UInt64(point.commandPosition))
    bytes.appendLittleEndian(point.lastSeq)
    bytes.append(
      contentsOf: point.chainHash.isEmpty ? [UInt8](repeating: 0, count: Self.hashByteCount) : point.chainHash
    )
    bytes.append(contentsOf: stateHash)
    bytes.appendLittleEndian(bodyByteCount)
    bytes.append(contentsOf: checksum.isEmpty ? [UInt8](repeating: 0, count: Self.hashByteCount) : checksum)
    precondition(
      bytes.count == Self.byteCount, "a snapshot header is \(Self.byteCount) bytes, not \(bytes.count)")
    return bytes
  }
}

extension [UInt8] {
  mutating func appendLittleEndian<Value: FixedWidthInteger>(_ value: Value) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
