import Foundation

/// A `tradelog broker` running as a child process, for tests that need a Kafka-protocol broker in
/// another process. Its output goes to files in its own temporary directory (a pipe nobody reads
/// could fill and stall it); the bootstrap address comes from the file it writes atomically.
public final class BrokerProcess {
  /// How the process ended.
  public struct Exit: Sendable, Equatable {
    /// The exit status, or the signal number when `wasKilledBySignal`.
    public let status: Int32
    public let wasKilledBySignal: Bool

    public static let success = Exit(status: 0, wasKilledBySignal: false)
  }

  public let bootstrapServers: String
  public let bootstrapFile: URL
  public let directory: TemporaryDirectory
  private let process: Process

  /// Starts `tradelog broker --bootstrap-file … arguments…` and waits until the bootstrap file
  /// appears. Fails with the broker's standard error if it exits first or takes over `startupLimit`.
  public init(arguments: [String] = [], startupLimit: Duration = .seconds(30)) throws {
    let directory = try TemporaryDirectory(prefix: "tradelog-broker")
    let bootstrapFile = directory.file("bootstrap")
    let process = Process()
    do {
      process.executableURL = try BuiltProducts.tradelog
      process.arguments = ["broker", "--bootstrap-file", bootstrapFile.path] + arguments
      process.standardOutput = try FileHandle(forWritingTo: Self.createFile(directory.file("stdout")))
      process.standardError = try FileHandle(forWritingTo: Self.createFile(directory.file("stderr")))
      try process.run()
      bootstrapServers = try Self.waitForBootstrapFile(
        bootstrapFile, of: process, limit: startupLimit, directory: directory)
    } catch {
      // deinit does not run for an object that never finished initializing: clean up here.
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
      }
      directory.remove()
      throw error
    }
    self.directory = directory
    self.bootstrapFile = bootstrapFile
    self.process = process
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    directory.remove()
  }

  public var standardOutput: String { Self.read(directory.file("stdout")) }
  public var standardError: String { Self.read(directory.file("stderr")) }

  /// Sends `signal` and waits up to `limit` for the process to exit; kills it after that and throws.
  public func stop(signal: Int32 = SIGTERM, limit: Duration = .seconds(30)) throws -> Exit {
    kill(process.processIdentifier, signal)
    let deadline = ContinuousClock.now + limit
    while process.isRunning {
      guard ContinuousClock.now < deadline else {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw StartupFailed(
          reason: "did not exit within \(limit) of signal \(signal)", standardError: standardError)
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    return Exit(
      status: process.terminationStatus, wasKilledBySignal: process.terminationReason == .uncaughtSignal)
  }

  public struct StartupFailed: Error, CustomStringConvertible {
    public let reason: String
    public let standardError: String
    public var description: String { "tradelog broker \(reason); its standard error:\n\(standardError)" }
  }

  private static func waitForBootstrapFile(
    _ file: URL, of process: Process, limit: Duration, directory: TemporaryDirectory
  ) throws -> String {
    let deadline = ContinuousClock.now + limit
    while true {
      if let text = try? String(contentsOf: file, encoding: .utf8) {
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      guard process.isRunning else {
        throw StartupFailed(
          reason: "exited with status \(process.terminationStatus) before writing its bootstrap file",
          standardError: read(directory.file("stderr")))
      }
      guard ContinuousClock.now < deadline else {
        throw StartupFailed(
          reason: "wrote no bootstrap file within \(limit)", standardError: read(directory.file("stderr")))
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  private static func createFile(_ url: URL) throws -> URL {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    return url
  }

  private static func read(_ url: URL) -> String {
    (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }
}
