import Synchronization

/// Set from a signal handler (or a test) to ask the projector to stop: it finishes the insert under
/// way, then returns. Atomic, so any thread may set it.
public final class StopRequest: Sendable {
  private let requested = Atomic<Bool>(false)

  public init() {}

  public func request() {
    requested.store(true, ordering: .relaxed)
  }

  public var isRequested: Bool { requested.load(ordering: .relaxed) }
}
