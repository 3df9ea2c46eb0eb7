/// Why bytes could not be decoded as an engine snapshot body. Decoding never traps: whatever the
/// bytes, the outcome is an engine or one of these. A snapshot that fails to decode is corrupt or
/// from an incompatible version: skip it and use an older one, or replay the command log from the
/// start.
public enum SnapshotDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The bytes do not start with the snapshot body's magic.
  case notASnapshotBody
  /// Written by a format version this build does not read.
  case unsupportedVersion(UInt16)
  /// The bytes end inside a field that starts at `offset`.
  case truncated(offset: Int)
  /// A field at `offset` is readable but describes a state the engine cannot be in.
  case invalidState(offset: Int, reason: String)
  /// Bytes follow the end of the state.
  case trailingBytes(count: Int)

  public var description: String {
    switch self {
    case .notASnapshotBody:
      "not an engine snapshot body (wrong magic bytes)"
    case .unsupportedVersion(let version):
      "snapshot body format version \(version) is not supported (this build reads "
        + "version \(SnapshotFormat.version))"
    case .truncated(let offset):
      "snapshot body is truncated: it ends inside the field at byte \(offset)"
    case .invalidState(let offset, let reason):
      "snapshot body describes an impossible state at byte \(offset): \(reason)"
    case .trailingBytes(let count):
      "snapshot body has \(count) unexpected bytes after its end"
    }
  }
}
