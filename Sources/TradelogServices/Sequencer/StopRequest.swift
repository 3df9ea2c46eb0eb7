import Synchronization

/// Asks a running sequencer to stop after the batch in hand: set from a signal handler or another
/// thread, read by the sequencer's loop between batches.
public final class StopRequest: Sendable {
  private let requested = Atomic<Bool>(false)

  public init() {}

  public func request() {
    requested.store(true, ordering: .releasing)
  }

  public var isRequested: Bool { requested.load(ordering: .acquiring) }
}
