import Foundation

/// Where the local PostgreSQL and ClickHouse servers started by `tools/services start` listen.
///
/// An environment variable wins (point the tests at any server); otherwise the file that
/// `tools/services` writes, `.local/services/env` in the package root, is read. A test that needs a
/// server and finds none fails with a message saying how to start one: the test command always
/// starts them, so a missing server is a broken setup, not a reason to skip.
public enum LocalServices {
  public static var postgresURL: String {
    get throws { try value(of: "TRADELOG_POSTGRES_URL") }
  }

  public static var clickHouseURL: String {
    get throws { try value(of: "TRADELOG_CLICKHOUSE_URL") }
  }

  public struct NotRunning: Error, CustomStringConvertible {
    public let key: String
    public var description: String {
      "\(key) is not set and \(LocalServices.environmentFile.path) does not name it: "
        + "start the local servers with `tools/services start` (tools/test does this itself)."
    }
  }

  /// `.local/services/env`, found from this file's place in the package (Tests/TradelogTestSupport).
  public static let environmentFile: URL = PackageRoot.url.appending(path: ".local/services/env")

  static func value(of key: String) throws -> String {
    if let value = ProcessInfo.processInfo.environment[key], !value.isEmpty { return value }
    guard let text = try? String(contentsOf: environmentFile, encoding: .utf8) else {
      throw NotRunning(key: key)
    }
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1)
      if parts.count == 2, parts[0] == key { return String(parts[1]) }
    }
    throw NotRunning(key: key)
  }
}

/// The package's root directory, for finding files the tests share with the scripts.
public enum PackageRoot {
  public static let url: URL = URL(filePath: #filePath)
    .deletingLastPathComponent()  // TradelogTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The shared data beside the project's root (`../shared/data`), such as the LOBSTER order flow.
  public static let sharedData: URL = url.deletingLastPathComponent().appending(path: "shared/data")
}
