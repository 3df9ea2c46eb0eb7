import Foundation
import PostgresClient
import TradelogTestSupport

/// Connections to the local server and names no other test uses, so suites run in parallel.
enum TestDatabase {
  static func connect() throws -> PostgresConnection {
    try PostgresConnection(url: LocalServices.postgresURL)
  }

  /// A table name unique to this call, such as `copy_3f2a…`.
  static func uniqueName(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
  }

  /// A loopback address nothing listens on: port 1 (tcpmux) is privileged and unused here.
  static let refusedURL = "postgresql://postgres@127.0.0.1:1/postgres"
}

struct DeliberateFailure: Error {}
