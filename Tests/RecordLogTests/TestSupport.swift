import Foundation
import RecordLog
import Synchronization
import TradelogTestSupport

/// A clock the test sets by hand, shared by every connection a test opens.
final class ManualLogClock: LogClock {
  private let milliseconds: Atomic<Int64>

  init(_ milliseconds: Int64 = 1_700_000_000_000) {
    self.milliseconds = Atomic(milliseconds)
  }

  func nowMilliseconds() -> Int64 { milliseconds.load(ordering: .relaxed) }

  func set(_ value: Int64) { milliseconds.store(value, ordering: .relaxed) }
}

/// A log file of its own in a fresh temporary directory, so tests running in parallel never share
/// one. Call `remove()` when done.
struct TemporaryLog {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory(prefix: "tradelog-recordlog-test")
    path = directory.file("log.sqlite").path
  }

  func open(
    clock: any LogClock = ManualLogClock(), options: SQLiteLogConnection.Options = .init()
  ) throws -> SQLiteLogConnection {
    try SQLiteLogConnection(path: path, options: options, clock: clock)
  }

  func remove() { directory.remove() }
}

/// Runs `sql` with the `sqlite3` command line tool, another process and another SQLite build than
/// ours, and returns what it printed.
@discardableResult
func sqlite3(_ path: String, _ sql: String) throws -> String {
  let result = try Subprocess.run(
    "sqlite3", ["-batch", "-cmd", ".timeout 30000", path], input: Data(sql.utf8))
  guard result.status == 0 else { throw ToolFailed(tool: "sqlite3", message: result.standardError) }
  return result.outputText
}

struct ToolFailed: Error, CustomStringConvertible {
  let tool: String
  let message: String
  var description: String { "\(tool) failed: \(message)" }
}

/// Runs blocking work (appends waiting on locks, tails) on a thread of its own, not on the
/// concurrency pool: a blocked test must not stall the pool's few threads.
func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try body() }) }.start()
  }
}

extension NewRecord {
  /// A record whose value is `text`, with no key and no headers.
  init(text: String) {
    self.init(value: Array(text.utf8))
  }
}

extension LogRecord {
  var text: String { String(decoding: value, as: UTF8.self) }
}

/// A `sqlite3` process that runs `before`, then keeps its connection (and any transaction it
/// opened) until `finish()`, then runs `after`. For tests that need another process to hold a lock
/// or keep a database's latest pages in its WAL.
struct SQLite3Session: Sendable {
  private let holdPath: String
  private let process: Task<String, any Error>

  /// Returns once `before` has run.
  init(path: String, in directory: TemporaryDirectory, before: String, after: String) async throws {
    let name = UUID().uuidString
    let readyPath = directory.file("\(name).ready").path
    holdPath = directory.file("\(name).hold").path
    _ = FileManager.default.createFile(atPath: holdPath, contents: nil)
    let script = """
      \(before)
      .shell touch '\(readyPath)'
      .shell while [ -e '\(holdPath)' ]; do sleep 0.01; done
      \(after)
      """
    process = Task { try await onThread { try sqlite3(path, script) } }
    while !FileManager.default.fileExists(atPath: readyPath) {
      try await Task.sleep(for: .milliseconds(5))
    }
  }

  /// Lets the process run `after` and exit; returns what it printed.
  @discardableResult
  func finish() async throws -> String {
    try FileManager.default.removeItem(atPath: holdPath)
    return try await process.value
  }
}
