import Synchronization

/// Asks a long-running service (the sequencer, a projector, `dev`) to stop at its next safe point:
/// set from a signal source or another thread, read by the service's loop between steps.
public final class StopRequest: Sendable {
  private let requested = Atomic<Bool>(false)

  public init() {}

  public func request() {
    requested.store(true, ordering: .releasing)
  }

  public var isRequested: Bool { requested.load(ordering: .acquiring) }
}
