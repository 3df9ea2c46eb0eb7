import Synchronization

/// Tells a waiting thread to begin: given once by one thread, polled by another.
final class StartSignal: Sendable {
  private let given = Atomic<Bool>(false)

  func give() {
    given.store(true, ordering: .releasing)
  }

  var isGiven: Bool { given.load(ordering: .acquiring) }
}
