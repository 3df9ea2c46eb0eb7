/// One thing the audit found wrong with the logs, the snapshots or the engine's state.
public struct AuditFinding: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The batch found carries a later `seq` than the next one: batches are missing.
    case missingBatch
    /// The batch found carries an earlier `seq` than the next one: a batch is there twice.
    case duplicateBatch
    /// The batch has the right `seq` but names another command position.
    case wrongCommandPosition
    /// The batch's chain hash does not match its own bytes: it was changed after it was written.
    case brokenChain
    /// The log's own chain verifies, but the replay derives other bytes from the command: the batch
    /// and the chain after it were rewritten, the command was replaced after its events were
    /// written, or this build computes differently from the one that wrote the events.
    case eventsDiffer
    /// A record of the events log is not an event batch.
    case undecodableBatch
    /// The events log goes on after the last command: batches without commands.
    case batchWithoutCommand
    /// The events log ends before the commands log (a finding only with --require-complete).
    case eventsLogIncomplete
    /// The engine's state broke an invariant after a command.
    case invariantViolated
    /// A snapshot's state hash differs from the replay's at its position.
    case snapshotStateDiffers
    /// A snapshot's seq or chain hash differs from the events log's at its position.
    case snapshotChainDiffers
    /// A snapshot file fails its own checks (damaged, cut short, written by an incompatible build).
    case snapshotUnreadable
  }

  public var kind: Kind
  /// The command position the finding is about, if it is about one.
  public var commandPosition: Int64?
  /// The `seq` the finding is about, if it is about one.
  public var seq: UInt64?
  public var message: String

  public init(kind: Kind, commandPosition: Int64? = nil, seq: UInt64? = nil, message: String) {
    self.kind = kind
    self.commandPosition = commandPosition
    self.seq = seq
    self.message = message
  }

  public var description: String { message }
}
