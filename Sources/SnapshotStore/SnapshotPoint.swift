/// Where in the logs a snapshot's state stands: what the sequencer needs, besides the engine, to go
/// on from it.
public struct SnapshotPoint: Sendable, Equatable {
  /// The position of the next command record to apply: every command before it is in the state. On
  /// Kafka positions have gaps, so this is the last applied record's position + 1.
  public var commandPosition: Int64
  /// The `seq` of the last event batch the state has produced; 0 before the first.
  public var lastSeq: UInt64
  /// The chain hash of that batch; empty when `lastSeq` is 0.
  public var chainHash: [UInt8]

  public init(commandPosition: Int64, lastSeq: UInt64, chainHash: [UInt8]) {
    precondition(commandPosition >= 0, "a command position is never negative")
    precondition(
      (lastSeq == 0) == chainHash.isEmpty, "a chain hash exists exactly when at least one batch was sealed")
    self.commandPosition = commandPosition
    self.lastSeq = lastSeq
    self.chainHash = chainHash
  }

  /// The state of a fresh engine: nothing applied, nothing sealed.
  public static let start = SnapshotPoint(commandPosition: 0, lastSeq: 0, chainHash: [])
}
