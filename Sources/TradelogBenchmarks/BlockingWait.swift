import Dispatch
import Synchronization

/// Runs async work to completion from synchronous code. `tradelog-bench`'s root command is
/// synchronous, and argument-parser refuses an async subcommand under a synchronous root, so the
/// async parts (the ClickHouse projector) are awaited here: the calling thread, which is not one of
/// Swift's cooperative pool, blocks on a semaphore while a task does the work.
enum BlockingWait {
  static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let outcome = Mutex<Result<Value, any Error>?>(nil)
    let finished = DispatchSemaphore(value: 0)
    Task {
      let result: Result<Value, any Error>
      do {
        result = .success(try await work())
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      finished.signal()
    }
    finished.wait()
    return try outcome.withLock { $0! }.get()
  }
}
