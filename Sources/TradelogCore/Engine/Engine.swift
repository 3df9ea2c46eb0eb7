/// The exchange: a deterministic state machine that turns each command into the events of
/// SEMANTICS.md (and docs/exchange-rules.md where SEMANTICS.md is silent).
///
/// Pure and synchronous: no I/O, no clock, no randomness; time is an input. A value type: copies
/// are independent engines (the state is copied on the first write after a copy). Applying a
/// command allocates nothing once the engine has grown to its working size (docs/engine.md says
/// why each structure is what it is). Business outcomes are events; a broken invariant of the
/// engine's own is a `precondition` failure.
public struct Engine: Sendable {
  var core: EngineCore

  public init(limits: EngineLimits = .standard) {
    core = EngineCore(limits: limits)
  }

  init(core: EngineCore) {
    self.core = core
  }

  public var limits: EngineLimits { core.limits }

  /// Applies one command: clears `batch`, then writes the command's events into it and stamps it
  /// with `timestamp`, clamped to be no earlier than the previous batch's.
  public mutating func apply(_ command: Command, timestamp: Int64, into batch: inout EventBuffer) {
    if !isKnownUniquelyReferenced(&core) { core = core.copy() }
    core.apply(command, timestamp: timestamp, into: &batch)
  }
}
