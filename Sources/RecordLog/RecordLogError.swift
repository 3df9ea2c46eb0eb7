/// Why a log operation failed: `kind` for code that decides what to do, `message` for the person
/// reading it, saying what happened and what to do about it.
public struct RecordLogError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The log address does not parse (`sqlite:PATH` or `kafka://HOST:PORT/TOPIC`).
    case invalidAddress
    /// No log exists at the address and the caller did not allow creating one.
    case notFound
    /// Something exists at the address, but it is not a log of ours (another file or database).
    case notALog
    /// The log was written in a newer format than this build reads.
    case unsupportedFormat
    /// Another writer claimed the log after this connection did: this one must stop writing.
    case fenced
    /// Another connection held the write lock for longer than the configured wait. Retrying later
    /// is safe: nothing was written.
    case busy
    /// The call asked for something impossible (a negative position, a limit of nothing).
    case invalidRequest
    /// Stored data is damaged: a record or the log's metadata cannot be decoded.
    case corrupt
    /// The storage under the log failed (I/O error, disk full, permissions).
    case storageFailed
  }

  public let kind: Kind
  public let message: String

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { "record log error (\(kind)): \(message)" }
}
