/// Why a snapshot could not be written, read or trusted: `kind` for code that decides what to do,
/// `message` for the person reading it, naming the file, what is wrong with it and what to do.
///
/// A snapshot that fails to load is never fatal to the sequencer: it skips to an older one, and with
/// none left replays the command log from the start. The kinds say why, so that an operator can tell
/// a torn write (truncated) from bit rot (checksum) from a build mismatch (unsupported version).
public struct SnapshotStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The snapshot directory cannot be created, listed or synced.
    case directoryUnavailable
    /// Writing, syncing or renaming a snapshot file failed (disk full, permissions).
    case writeFailed
    /// The file exists but cannot be read.
    case readFailed
    /// The file is not an LZ4 frame, or the frame does not hold a Tradelog snapshot (wrong magic).
    case notASnapshot
    /// The file or its content ends early: a write that never finished, or a copy cut short.
    case truncated
    /// Written by a snapshot format version this build does not read.
    case unsupportedVersion
    /// The header's checksum does not match the header and body: the file is damaged.
    case checksumMismatch
    /// The header is readable but contradicts itself (lengths, a chain hash without a batch).
    case inconsistentHeader
    /// The body passed its checksum but is not an engine state this build can decode.
    case undecodableBody
    /// The decoded engine's state hash differs from the one in the header.
    case stateHashMismatch
    /// Before publishing: the encoded state did not decode back to the same state. A bug in the
    /// snapshot codec; the snapshot was not written.
    case pairCheckFailed
  }

  public let kind: Kind
  public let message: String

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { "snapshot error (\(kind)): \(message)" }
}
