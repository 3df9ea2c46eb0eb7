/// What an audit checked and what it found. `passed` is the verdict; `findings` say why not.
public struct AuditReport: Sendable {
  /// Commands whose replayed batch equals, byte for byte, the events log's batch.
  public internal(set) var commandsVerified = 0
  /// The commands log's end position when the audit began: everything before it was to be audited.
  public internal(set) var commandsEndPosition: Int64 = 0
  /// Event batches read from the events log.
  public internal(set) var batchesRead = 0
  public internal(set) var invariantChecks = 0
  public internal(set) var snapshotsChecked = 0
  /// The replay's state hash where it stopped.
  public internal(set) var stateHash: [UInt8] = []
  public internal(set) var elapsed: Duration = .zero
  /// Facts worth knowing that are not faults, such as an events log that is behind.
  public internal(set) var notes: [String] = []
  public internal(set) var findings: [AuditFinding] = []
  /// The first place the events log differs from the replay, if it does.
  public internal(set) var divergence: AuditDivergence?

  public var passed: Bool { findings.isEmpty }

  public var commandsPerSecond: Double {
    let seconds = (elapsed / .seconds(1))
    return seconds > 0 ? Double(commandsVerified) / seconds : 0
  }
}
