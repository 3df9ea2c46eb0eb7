import RecordLog
import SnapshotStore

/// Why the sequencer stopped. Each is fatal to this run: the sequencer writes nothing more, and a
/// restart recovers from the logs (except after `fenced`, when another sequencer carries on).
public struct SequencerError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Another sequencer claimed the events log: this one must stop, the newer one carries on.
    case fenced
    /// A log operation failed (I/O, a busy lock held too long, a bad address).
    case logFailed
    /// The events log holds a record that is not an event batch, or batches out of order.
    case eventsLogCorrupt
    /// Recovery recomputed a batch that differs from the one in the events log: the command log,
    /// the events log or this build is not the one that wrote them. Nothing was written.
    case divergence
    /// The events log holds batches for commands the commands log does not have: the two logs do
    /// not belong together.
    case commandsMissing
    /// The snapshot directory cannot be used.
    case snapshotsUnavailable
  }

  public let kind: Kind
  public let message: String

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// A log error, with fencing told apart from every other failure.
  init(_ error: RecordLogError, while operation: String) {
    if error.kind == .fenced {
      self.init(
        kind: .fenced,
        message: "fenced: another sequencer claimed the events log, so this one stops without writing "
          + "(\(error.message))")
    } else {
      self.init(
        kind: .logFailed,
        message: "\(operation) failed: \(error.message). Restart the sequencer once the cause is fixed: "
          + "it resumes where the events log ends")
    }
  }

  init(_ error: SnapshotStoreError) {
    self.init(kind: .snapshotsUnavailable, message: error.message)
  }
}
