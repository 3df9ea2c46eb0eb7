/// The first place where the events log is not the replay of the commands log: enough to debug from
/// without reading either log by hand.
public struct AuditDivergence: Sendable, Equatable {
  /// The `seq` the replay expected next.
  public var seq: UInt64
  /// The command the replay was at, or nil when the events log goes on after the last command.
  public var commandPosition: Int64?
  /// The position of the diverging record in the events log.
  public var eventsPosition: Int64
  /// The command as one JSON line, or nil when there is none.
  public var commandJSON: String?
  /// The batch the replay derived, as `tradelog replay --events-out` writes it; nil when there is none.
  public var expectedJSON: String?
  /// The batch found in the events log, as JSON, or what is wrong with its bytes.
  public var foundJSON: String
  /// Which fields of the two batches differ: `seq`, `commandOffset`, `timestamp`, `events`, `chainHash`.
  public var differingFields: [String]

  public init(
    seq: UInt64, commandPosition: Int64?, eventsPosition: Int64, commandJSON: String?, expectedJSON: String?,
    foundJSON: String, differingFields: [String]
  ) {
    self.seq = seq
    self.commandPosition = commandPosition
    self.eventsPosition = eventsPosition
    self.commandJSON = commandJSON
    self.expectedJSON = expectedJSON
    self.foundJSON = foundJSON
    self.differingFields = differingFields
  }
}
