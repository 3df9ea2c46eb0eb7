import AcceleratedSHA256
import LZ4Frame
import TradelogCore

/// The bytes of one snapshot file: an LZ4 frame (the `lz4` tool decompresses it) whose content is a
/// `SnapshotHeader` followed by the engine's snapshot body.
public enum SnapshotFile {
  /// A snapshot may inflate to at most this much: far above any real engine state, low enough that a
  /// damaged frame header cannot make the reader ask for all of memory.
  static let contentByteCountMax = 1 << 36

  /// The file bytes of `body` at `point`, with the header that describes them. Compresses at the
  /// `lz4` tool's default level: snapshots are written often and read rarely.
  public static func encode(
    point: SnapshotPoint, body: [UInt8]
  ) throws(SnapshotStoreError) -> (header: SnapshotHeader, bytes: [UInt8]) {
    let header = SnapshotHeader(point: point, body: body)
    var content = header.encoded()
    content.reserveCapacity(content.count + body.count)
    content.append(contentsOf: body)
    do {
      return (header, try LZ4FrameEncoder.compress(content))
    } catch {
      throw SnapshotStoreError(
        kind: .writeFailed, message: "compressing a snapshot at \(point.commandPosition) failed: \(error)")
    }
  }

  /// Decodes `body` into a scratch engine and checks that it hashes to `stateHash`: the snapshot is
  /// published only if the state it holds is exactly the state it came from.
  public static func pairCheck(body: [UInt8], stateHash: [UInt8]) throws(SnapshotStoreError) {
    let scratch: Engine
    do {
      scratch = try Engine(snapshotBody: body)
    } catch {
      throw SnapshotStoreError(
        kind: .pairCheckFailed,
        message: "the engine's own snapshot body does not decode (\(error)): the snapshot codec has a bug; "
          + "no snapshot was written. Report it with the command log")
    }
    guard scratch.acceleratedStateHash() == stateHash else {
      throw SnapshotStoreError(
        kind: .pairCheckFailed,
        message: "the engine decoded from its own snapshot body has another state hash: the snapshot codec "
          + "has a bug; no snapshot was written. Report it with the command log")
    }
  }

  /// Decompresses `bytes` and reads the header, checking the frame and the header but not the body.
  /// `file` names the snapshot in error messages.
  public static func decodeHeader(
    _ bytes: [UInt8], file: String
  ) throws(SnapshotStoreError) -> (header: SnapshotHeader, content: [UInt8]) {
    let content = try decompress(bytes, file: file)
    return (try SnapshotHeader(decoding: content, file: file), content)
  }

  /// Decodes a whole snapshot and checks everything: the frame, the header, the checksum over header
  /// and body, the body's decoding, and the decoded engine's state hash against the header's.
  public static func decode(_ bytes: [UInt8], file: String) throws(SnapshotStoreError) -> LoadedSnapshot {
    let (header, content) = try decodeHeader(bytes, file: file)
    return try decodeBody(of: header, content: content, file: file)
  }

  /// The second half of `decode`, for a caller that looked at the header first.
  static func decodeBody(
    of header: SnapshotHeader, content: [UInt8], file: String
  ) throws(SnapshotStoreError) -> LoadedSnapshot {
    let body = content[SnapshotHeader.byteCount...]
    guard header.computeChecksum(body: body) == header.checksum else {
      throw SnapshotStoreError(
        kind: .checksumMismatch,
        message: "\(file) fails its checksum: the header or the engine state is damaged. It is skipped; "
          + "delete it")
    }
    let engine: Engine
    do {
      engine = try Engine(snapshotBody: Array(body))
    } catch {
      throw SnapshotStoreError(
        kind: .undecodableBody,
        message: "\(file) passes its checksum but its engine state does not decode (\(error)): it was "
          + "written by an incompatible build. It is skipped")
    }
    guard engine.acceleratedStateHash() == header.stateHash else {
      throw SnapshotStoreError(
        kind: .stateHashMismatch,
        message: "\(file): the decoded engine's state hash differs from the header's: it was written by an "
          + "incompatible build. It is skipped")
    }
    return LoadedSnapshot(header: header, engine: engine)
  }

  private static func decompress(_ bytes: [UInt8], file: String) throws(SnapshotStoreError) -> [UInt8] {
    do {
      return try LZ4FrameDecoder.decompress(bytes, maximumOutputSize: contentByteCountMax)
    } catch {
      let kind: SnapshotStoreError.Kind
      switch error.kind {
      case .truncatedFrame, .missingFrame: kind = .truncated
      // liblz4's content checksum (xxHash32) fails first on a flipped byte in a block.
      case .invalidFrame: kind = error.name.contains("Checksum") ? .checksumMismatch : .notASnapshot
      case .trailingBytes, .outputLimitExceeded, .compressionFailed: kind = .notASnapshot
      }
      throw SnapshotStoreError(
        kind: kind,
        message: "\(file) is not a readable LZ4 frame (\(error.message)): it is damaged or was cut short. "
          + "It is skipped; delete it")
    }
  }
}
