import RecordLog
import SnapshotStore

/// Why an audit could not run to its end: a log or the snapshot directory cannot be opened or read.
/// Not a finding about the logs' contents; those are `AuditFinding`s in the report.
public struct AuditError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// A log cannot be opened or read (missing file, unreachable broker, I/O error).
    case logUnavailable
    /// The snapshot directory does not exist or cannot be listed.
    case snapshotsUnavailable
  }

  public let kind: Kind
  public let message: String

  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  init(_ error: RecordLogError, while operation: String) {
    self.init(
      kind: .logUnavailable,
      message: "\(operation) failed: \(error.message). Check the address; nothing was audited past this point"
    )
  }

  init(_ error: SnapshotStoreError) {
    self.init(kind: .snapshotsUnavailable, message: error.message)
  }
}
