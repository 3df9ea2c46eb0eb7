import Foundation
import TradelogTestSupport

/// `tradelog project clickhouse …` running as a child process, its standard error in a file (a pipe
/// nobody reads could fill and stall it).
final class ProjectorProcess {
  private let process = Process()
  private let directory: TemporaryDirectory

  init(_ arguments: [String]) throws {
    directory = try TemporaryDirectory(prefix: "tradelog-clickhouse-projector")
    let errorFile = directory.file("stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    process.executableURL = try BuiltProducts.tradelog
    process.arguments = ["project", "clickhouse"] + arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    directory.remove()
  }

  var isRunning: Bool { process.isRunning }

  var standardError: String {
    (try? String(contentsOf: directory.file("stderr"), encoding: .utf8)) ?? ""
  }

  func signal(_ number: Int32) {
    kill(process.processIdentifier, number)
  }

  /// Waits for the exit and returns the status (the signal number if a signal ended it).
  func waitForExit() -> Int32 {
    process.waitUntilExit()
    return process.terminationStatus
  }

  var wasKilledBySignal: Bool { process.terminationReason == .uncaughtSignal }

  /// Polls `condition` every 20 ms until it holds or the process exits; true if it held.
  func wait(until condition: () async throws -> Bool) async throws -> Bool {
    while true {
      if try await condition() { return true }
      if !process.isRunning { return try await condition() }
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
