import Dispatch
import Foundation

/// A thread for work that blocks (log reads, SQLite), never one of Swift's cooperative pool.
public final class BackgroundThread: Sendable {
  private let finished = DispatchSemaphore(value: 0)

  public init(name: String, _ body: @escaping @Sendable () -> Void) {
    let finished = finished
    let thread = Thread {
      body()
      finished.signal()
    }
    thread.name = name
    // Room for the engine's deepest matching loops.
    thread.stackSize = 16 << 20
    thread.start()
  }

  /// Blocks until the body has returned.
  public func wait() { finished.wait() }
}
