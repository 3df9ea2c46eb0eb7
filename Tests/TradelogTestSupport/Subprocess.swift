import Foundation

/// Runs a program to completion and captures what it printed, for tests that drive real tools
/// (`kcat`, `lz4`, the built `tradelog` binary).
public struct ProcessResult: Sendable {
  public let status: Int32
  public let standardOutput: Data
  public let standardError: String

  public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
}

public enum Subprocess {
  /// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, feeding `input` to
  /// its standard input, and waits for it to exit.
  public static func run(
    _ executable: String, _ arguments: [String], input: Data? = nil,
    environment: [String: String]? = nil
  ) throws -> ProcessResult {
    let process = Process()
    if executable.contains("/") {
      process.executableURL = URL(filePath: executable)
      process.arguments = arguments
    } else {
      process.executableURL = URL(filePath: "/usr/bin/env")
      process.arguments = [executable] + arguments
    }
    if let environment { process.environment = environment }
    let standardOutput = Pipe()
    let standardError = Pipe()
    let standardInput = Pipe()
    process.standardOutput = standardOutput
    process.standardError = standardError
    process.standardInput = standardInput
    try process.run()
    // Write input and drain both outputs concurrently: a child blocked on a full pipe never exits.
    let writer = Thread {
      if let input { standardInput.fileHandleForWriting.write(input) }
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    let errorBox = DataBox()
    let errorReader = Thread {
      errorBox.data = standardError.fileHandleForReading.readDataToEndOfFile()
    }
    errorReader.start()
    let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorBox.isSet { Thread.sleep(forTimeInterval: 0.001) }
    return ProcessResult(
      status: process.terminationStatus, standardOutput: output,
      standardError: String(decoding: errorBox.data ?? Data(), as: UTF8.self))
  }
}

private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Data?
  var data: Data? {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
  var isSet: Bool { data != nil }
}
