import ClickHouseClient
import Foundation
import TradelogTestSupport

/// Clients for the local server and table names no other test uses, so suites run in parallel.
enum TestServer {
  static func client() throws -> ClickHouseClient {
    try ClickHouseClient(url: LocalServices.clickHouseURL)
  }

  /// A table name unique to this call, such as `trades_3f2a…`.
  static func uniqueName(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
  }

  /// A loopback address nothing listens on: port 1 (tcpmux) is privileged and unused here.
  static let refusedURL = "http://127.0.0.1:1"
}
