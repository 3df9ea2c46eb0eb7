import Foundation
import PostgresClient
import TradelogTestSupport

/// A database of its own for one test, created on the local server and dropped by `drop()`, so that
/// tests run in parallel without seeing each other's tables.
struct ProjectionDatabase {
  let name: String
  let url: String

  init() throws {
    name = "projection_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let serverURL = try LocalServices.postgresURL
    try PostgresConnection(url: serverURL).execute("CREATE DATABASE \(name)")
    url = try Self.url(serverURL, database: name)
  }

  func connect() throws -> PostgresConnection {
    try PostgresConnection(url: url)
  }

  func drop() {
    guard let serverURL = try? LocalServices.postgresURL else { return }
    _ = try? PostgresConnection(url: serverURL).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
  }

  /// The server URL with its database replaced.
  static func url(_ serverURL: String, database: String) throws -> String {
    guard var components = URLComponents(string: serverURL) else {
      throw InvalidURL(url: serverURL)
    }
    components.path = "/" + database
    guard let url = components.string else { throw InvalidURL(url: serverURL) }
    return url
  }

  struct InvalidURL: Error {
    let url: String
  }

  /// Every table the projection writes, with the columns that order its rows.
  static let tablesAndKeys: [(table: String, key: String)] = [
    ("markets", "market"), ("balances", "account, asset"), ("orders", "order_id"), ("trades", "trade_id"),
    ("ledger", "seq, account, asset"), ("transfers", "seq"), ("order_rejections", "seq"),
    ("command_rejections", "seq"), ("book_levels", "market, side, price"),
  ]

  /// Every row of every projection table, ordered by key, as text: two projections are the same when
  /// their dumps are equal.
  func dump() throws -> [String: [[String?]]] {
    let connection = try connect()
    var tables: [String: [[String?]]] = [:]
    for (table, key) in Self.tablesAndKeys {
      let result = try connection.execute("SELECT * FROM \(table) ORDER BY \(key)")
      tables[table] = result.map { row in (0..<result.columnNames.count).map { row[$0] } }
    }
    // Not the log position: a log holding duplicates places the same batch elsewhere.
    let state = try connection.execute(
      "SELECT last_seq, chain_hash, rebuild_target_position FROM projector_state")
    tables["projector_state"] = state.map { row in (0..<3).map { row[$0] } }
    return tables
  }
}
