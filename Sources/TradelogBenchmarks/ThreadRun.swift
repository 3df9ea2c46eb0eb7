import Foundation
import Synchronization

/// Runs a closure on a thread of its own and hands back what it returned. The logs' tailing reads
/// and the sequencer's loop block their thread, so they must not run on Swift's cooperative pool.
final class ThreadRun<Value: Sendable>: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  private let outcome = Mutex<Value?>(nil)

  private init() {}

  static func start(_ body: @escaping @Sendable () -> Value) -> ThreadRun {
    let run = ThreadRun()
    let thread = Thread {
      let value = body()
      run.outcome.withLock { $0 = value }
      run.finished.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    return run
  }

  /// Waits for the closure to return and returns its value.
  func join() -> Value {
    finished.wait()
    finished.signal()
    return outcome.withLock { $0! }
  }
}
