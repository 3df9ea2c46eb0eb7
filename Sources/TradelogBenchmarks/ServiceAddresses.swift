import Foundation

/// Where the local servers listen when no option says: an environment variable, else the file
/// `tools/services start` writes, `.local/services/env` (the benchmark runs from the package root).
enum ServiceAddresses {
  static let environmentFile = ".local/services/env"

  static func value(of key: String) throws -> String {
    if let value = ProcessInfo.processInfo.environment[key], !value.isEmpty { return value }
    if let text = try? String(contentsOfFile: environmentFile, encoding: .utf8) {
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1)
        if parts.count == 2, parts[0] == key { return String(parts[1]) }
      }
    }
    throw BenchmarkFailure(
      "\(key) is not set and \(environmentFile) does not name it: start the local servers with "
        + "`tools/services start`, or pass the address as an option.")
  }
}
