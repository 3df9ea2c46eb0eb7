import Foundation

/// Runs the command line tools the references use (`psql`, `curl`): written in C and doing nothing
/// but the transfer, they are what "raw" means here.
enum ToolProcess {
  /// Runs `path` with `arguments`; throws with its standard error when it fails.
  static func run(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(filePath: path)
    process.arguments = arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errorText = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchmarkFailure(
        "\(path) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus): "
          + String(decoding: errorText, as: UTF8.self))
    }
  }
}

/// A benchmark that could not run, saying why.
struct BenchmarkFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
