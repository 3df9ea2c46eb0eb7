import RecordLog
import TradelogCore

/// What an audit reads and how often it checks the engine's invariants.
public struct AuditConfiguration: Sendable {
  /// Checks an engine's state and returns one line per broken invariant (none when consistent).
  ///
  /// Handed in rather than built in: the invariant checker lives in the simulation library, which the
  /// services do not depend on; `tradelog audit` passes `TradelogSimulation.InvariantChecker`.
  public typealias InvariantCheck = @Sendable (Engine) -> [String]

  /// A check lists every balance and open order, so its cost grows with the state, not with the
  /// commands: negligible on a workload's few thousand orders (1,000 checks in a million commands
  /// did not change the rate measurably), but it grows with a book of millions of resting orders.
  /// Every 50,000 commands keeps large states cheap while still narrowing a violation down to a
  /// small range of positions.
  public static let invariantsEveryDefault = 50_000

  public var commands: LogAddress
  public var events: LogAddress
  /// The sequencer's snapshot directory, if the snapshots are to be checked too.
  public var snapshotDirectory: String?
  /// Check the invariants after every this many commands (and at the end); at least 1.
  public var invariantsEvery: Int
  /// Nil: the invariants are not checked.
  public var invariantCheck: InvariantCheck?
  /// An events log that ends before the commands log is a finding instead of a note.
  public var requireComplete: Bool
  public var commandsLogOptions: LogOpenOptions
  public var eventsLogOptions: LogOpenOptions

  public init(
    commands: LogAddress, events: LogAddress, snapshotDirectory: String? = nil,
    invariantsEvery: Int = invariantsEveryDefault, invariantCheck: InvariantCheck? = nil,
    requireComplete: Bool = false, commandsLogOptions: LogOpenOptions = LogOpenOptions(),
    eventsLogOptions: LogOpenOptions = LogOpenOptions()
  ) {
    precondition(invariantsEvery >= 1, "the invariants are checked every 1 or more commands")
    self.commands = commands
    self.events = events
    self.snapshotDirectory = snapshotDirectory
    self.invariantsEvery = invariantsEvery
    self.invariantCheck = invariantCheck
    self.requireComplete = requireComplete
    self.commandsLogOptions = commandsLogOptions
    self.eventsLogOptions = eventsLogOptions
  }
}
