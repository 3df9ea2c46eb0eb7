import Foundation
import SQLiteDatabase
import TradelogTestSupport

/// A database file of its own in a fresh temporary directory, so tests running in parallel never
/// share one. Call `remove()` when done.
struct TestDatabase {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory(prefix: "tradelog-sqlite-test")
    path = directory.file("test.sqlite").path
  }

  func remove() { directory.remove() }
}

extension SQLiteConnection {
  /// The first column of the first row of `sql`, as an integer.
  func integer(_ sql: String) throws -> Int64 {
    let statement = try prepare(sql)
    guard try statement.step() else { throw NoRow(sql: sql) }
    return statement.int64(at: 0)
  }

  struct NoRow: Error {
    let sql: String
  }
}

/// Runs blocking work (SQLite calls that may wait on locks) on a thread of its own, not on the
/// concurrency pool: a test blocked on a lock must not stall the pool's few threads.
func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try body() }) }.start()
  }
}

/// An error thrown on purpose by a transaction body.
struct DeliberateFailure: Error, Equatable {}
