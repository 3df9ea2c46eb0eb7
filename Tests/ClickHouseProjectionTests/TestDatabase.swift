import ClickHouseClient
import ClickHouseProjection
import Foundation
import TradelogServices
import TradelogTestSupport

/// A database of its own on the local ClickHouse, so tests run in parallel; dropped by `drop()`.
struct TestDatabase {
  let name: String
  let url: URL

  init() throws {
    name = "tradelog_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    url = URL(string: try LocalServices.clickHouseURL)!
  }

  var client: ClickHouseClient { ClickHouseClient(url: url, database: name) }

  func drop() async {
    try? await ClickHouseClient(url: url).execute("DROP DATABASE IF EXISTS \(name)")
  }

  func configuration(events: String, rebuild: Bool = false) -> ClickHouseProjectorConfiguration {
    ClickHouseProjectorConfiguration(
      eventsAddress: events, clickHouseURL: url, database: name, rebuild: rebuild, follow: false,
      showsProgress: false)
  }

  /// Projects `events` until caught up, in this process.
  @discardableResult
  func project(events: String, rebuild: Bool = false) async throws -> ClickHouseProjectionSummary {
    try await ClickHouseProjector(configuration: configuration(events: events, rebuild: rebuild))
      .run(stop: StopRequest())
  }

  /// Every projected table and candle view, each ordered by its whole key: equal dumps mean equal
  /// contents, whatever order the rows were inserted in.
  func dump() async throws -> [String: String] {
    let queries = [
      "trades": "SELECT * FROM trades ORDER BY trade_id",
      "order_events": "SELECT * FROM order_events ORDER BY seq, event_index",
      "balance_changes": "SELECT * FROM balance_changes ORDER BY seq, event_index",
      "candles_1m": "SELECT * FROM candles_1m ORDER BY market, bucket_start_ms",
      "candles_5m": "SELECT * FROM candles_5m ORDER BY market, bucket_start_ms",
      "candles_1h": "SELECT * FROM candles_1h ORDER BY market, bucket_start_ms",
      "candles_1d": "SELECT * FROM candles_1d ORDER BY market, bucket_start_ms",
    ]
    var dump: [String: String] = [:]
    for (table, query) in queries {
      dump[table] = try await client.query(query)
    }
    return dump
  }

  func rows(_ query: String) async throws -> [[String?]] {
    try await client.queryRows(query)
  }
}
