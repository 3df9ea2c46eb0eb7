import ClickHouseClient
import ClickHouseProjection
import Foundation
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

@Suite struct ClickHouseProjectorTests {
  /// 200,000 commands of seed 11, one second apart (about 2.3 days, so every candle interval has
  /// several buckets): built once, shared read-only by the tests that need a long run.
  static let longRun = Result { try ClickHouseEventLog(seed: 11, commandCount: 200_000) }
  static let shortRun = Result {
    try ClickHouseEventLog(seed: 5, commandCount: 6_000, timestampStepMilliseconds: 7_000)
  }

  @Test func longRunTradesEqualTheTradeEventsAndCandlesEqualTheirAggregation() async throws {
    let fixture = try Self.longRun.get()
    let database = try TestDatabase()
    defer { Task { await database.drop() } }
    let summary = try await database.project(events: fixture.address)
    let trades = fixture.trades
    #expect(summary.batches == 200_000)
    #expect(summary.storedThroughSeq == 200_000)
    #expect(trades.count > 10_000)

    let totals = try await database.rows(
      "SELECT count(), sum(quantity), sum(notional), sum(maker_fee), sum(taker_fee), sum(trade_id) FROM trades"
    )
    #expect(
      totals == [
        [
          String(trades.count), String(trades.reduce(0) { $0 + $1.trade.quantity }),
          String(trades.reduce(0) { $0 + $1.trade.price * $1.trade.quantity }),
          String(trades.reduce(0) { $0 + $1.trade.makerFee }),
          String(trades.reduce(0) { $0 + $1.trade.takerFee }),
          String(trades.reduce(UInt64(0)) { $0 + $1.trade.tradeId }),
        ]
      ])
    try await expectPerMarketTrades(in: database, equal: trades)
    try await expectCandles(in: database, view: "candles_1m", intervalMilliseconds: 60_000, equal: trades)
    try await expectCandles(in: database, view: "candles_1h", intervalMilliseconds: 3_600_000, equal: trades)
    try await expectOtherTables(in: database, equal: fixture.batches)
  }

  private func expectPerMarketTrades(
    in database: TestDatabase, equal trades: [(trade: Trade, seq: UInt64, timestamp: Int64)]
  ) async throws {
    var expected: [String: (count: Int, volume: Int64, firstId: UInt64, lastId: UInt64)] = [:]
    for (trade, _, _) in trades {
      let key = trade.market.description
      let old = expected[key] ?? (0, 0, .max, 0)
      expected[key] = (
        old.count + 1, old.volume + trade.quantity, min(old.firstId, trade.tradeId),
        max(old.lastId, trade.tradeId)
      )
    }
    let rows = try await database.rows(
      "SELECT market, count(), sum(quantity), min(trade_id), max(trade_id) FROM trades GROUP BY market ORDER BY market"
    )
    let expectedRows = expected.keys.sorted().map { market -> [String?] in
      let value = expected[market]!
      return [market, String(value.count), String(value.volume), String(value.firstId), String(value.lastId)]
    }
    #expect(rows == expectedRows)
  }

  /// Open, high, low, close, volume, quote volume and trade count per market per bucket, computed here
  /// from the trade events, against the view.
  private func expectCandles(
    in database: TestDatabase, view: String, intervalMilliseconds: Int64,
    equal trades: [(trade: Trade, seq: UInt64, timestamp: Int64)]
  ) async throws {
    struct Candle {
      var open, high, low, close, volume, quoteVolume: Int64
      var count: Int
    }
    var candles: [String: Candle] = [:]
    var keys: [(market: String, bucket: Int64)] = []
    for (trade, _, timestamp) in trades.sorted(by: { $0.trade.tradeId < $1.trade.tradeId }) {
      let bucket = timestamp / intervalMilliseconds * intervalMilliseconds
      let key = "\(trade.market)\t\(bucket)"
      if var candle = candles[key] {
        candle.high = max(candle.high, trade.price)
        candle.low = min(candle.low, trade.price)
        candle.close = trade.price
        candle.volume += trade.quantity
        candle.quoteVolume += trade.price * trade.quantity
        candle.count += 1
        candles[key] = candle
      } else {
        keys.append((trade.market.description, bucket))
        candles[key] = Candle(
          open: trade.price, high: trade.price, low: trade.price, close: trade.price, volume: trade.quantity,
          quoteVolume: trade.price * trade.quantity, count: 1)
      }
    }
    let expected = keys.sorted { ($0.market, $0.bucket) < ($1.market, $1.bucket) }.map { key -> [String?] in
      let candle = candles["\(key.market)\t\(key.bucket)"]!
      return [
        key.market, String(key.bucket), String(candle.open), String(candle.high), String(candle.low),
        String(candle.close), String(candle.volume), String(candle.quoteVolume), String(candle.count),
      ]
    }
    let rows = try await database.rows(
      "SELECT market, bucket_start_ms, open, high, low, close, volume, quote_volume, trades FROM \(view) "
        + "ORDER BY market, bucket_start_ms")
    #expect(rows.count == expected.count)
    #expect(rows == expected)
  }

  private func expectOtherTables(in database: TestDatabase, equal batches: [EventBatchRecord]) async throws {
    var orderEvents = 0
    var balanceChanges = 0
    var lastBalance: [String: (available: Int64, held: Int64)] = [:]
    for batch in batches {
      for event in batch.events {
        switch event {
        case .orderAccepted, .orderRejected, .orderFilled, .orderCanceled, .orderReduced: orderEvents += 1
        case .balanceChanged(let change):
          balanceChanges += 1
          lastBalance["\(change.account)\t\(change.asset)"] = (change.available, change.held)
        default: break
        }
      }
    }
    let counts = try await database.rows(
      "SELECT (SELECT count() FROM order_events), (SELECT count() FROM balance_changes)")
    #expect(counts == [[String(orderEvents), String(balanceChanges)]])
    let balances = try await database.rows(
      "SELECT account, asset, argMax(available, seq), argMax(held, seq) FROM balance_changes "
        + "GROUP BY account, asset ORDER BY account, asset")
    let expected = lastBalance.keys.sorted {
      let left = $0.split(separator: "\t")
      let right = $1.split(separator: "\t")
      return (UInt64(left[0])!, String(left[1])) < (UInt64(right[0])!, String(right[1]))
    }.map { key -> [String?] in
      let parts = key.split(separator: "\t").map(String.init)
      return [parts[0], parts[1], String(lastBalance[key]!.available), String(lastBalance[key]!.held)]
    }
    #expect(balances == expected)
  }

  @Test func eventsDeliveredTwiceChangeNothing() async throws {
    let fixture = try Self.shortRun.get()
    let records = fixture.batches.map { $0.serializedBytes() }
    // Every 7th record delivered twice in a row, and a stretch of 500 delivered again later.
    var repeated: [[UInt8]] = []
    for (index, record) in records.enumerated() {
      repeated.append(record)
      if index % 7 == 3 { repeated.append(record) }
      if index == 4_000 { repeated.append(contentsOf: records[2_000..<2_500]) }
    }
    let withDuplicates = try fixture.derivedLog(named: "duplicates", values: repeated)
    let clean = try TestDatabase()
    let twice = try TestDatabase()
    defer {
      Task {
        await clean.drop(); await twice.drop()
      }
    }
    try await clean.project(events: fixture.address)

    let summary = try await twice.project(events: withDuplicates)
    #expect(summary.duplicates == repeated.count - records.count)
    // A second run reads again only the last batches that left no row in some table, and adds nothing.
    let again = try await twice.project(events: withDuplicates)
    #expect(again.tradeRows + again.orderEventRows + again.balanceChangeRows == 0)
    #expect(try await twice.dump() == clean.dump())
  }

  @Test func crashBetweenTheInsertsOfTwoTablesConverges() async throws {
    let fixture = try Self.shortRun.get()
    let records = fixture.batches.map { $0.serializedBytes() }
    let clean = try TestDatabase()
    let crashed = try TestDatabase()
    let ahead = try TestDatabase()
    defer {
      Task {
        await clean.drop(); await crashed.drop(); await ahead.drop()
      }
    }
    try await clean.project(events: fixture.address)
    // The state a crash after the trades insert of batches 2,001–4,000 leaves: everything holds
    // batches up to 2,000, and trades (but not its candles, nor the other tables) up to 4,000.
    try await crashed.project(
      events: try fixture.derivedLog(named: "first", values: Array(records[..<2_000])))
    try await ahead.project(events: try fixture.derivedLog(named: "second", values: Array(records[..<4_000])))
    try await crashed.client.execute(
      "INSERT INTO trades SELECT * FROM \(ahead.name).trades WHERE seq > 2000")

    try await crashed.project(events: fixture.address)
    #expect(try await crashed.dump() == clean.dump())
  }

  @Test func aGapInSeqIsRefusedAndNothingPastItIsProjected() async throws {
    let fixture = try Self.shortRun.get()
    var records = fixture.batches.prefix(3_000).map { $0.serializedBytes() }
    records.remove(at: 1_500)
    let events = try fixture.derivedLog(named: "gap", values: records)
    let database = try TestDatabase()
    defer { Task { await database.drop() } }
    let error = await #expect(throws: ClickHouseProjectionError.self) {
      try await database.project(events: events)
    }
    #expect(error?.description.contains("skips from batch 1500 to batch 1502") == true)
    let stored = try await database.rows("SELECT max(seq) FROM balance_changes")
    #expect(stored.first?.first.flatMap { $0.flatMap { UInt64($0) } }.map { $0 < 1_501 } == true)
  }

  @Test func aBrokenChainIsRefused() async throws {
    let fixture = try Self.shortRun.get()
    var batches = Array(fixture.batches.prefix(100))
    // Batch 50 altered after sealing: its hash no longer follows from batch 49's.
    batches[49].timestamp += 1
    let events = try fixture.derivedLog(named: "broken", values: batches.map { $0.serializedBytes() })
    let database = try TestDatabase()
    defer { Task { await database.drop() } }
    let error = await #expect(throws: ClickHouseProjectionError.self) {
      try await database.project(events: events)
    }
    #expect(error?.description.contains("batch 50 (at position 49) does not continue the hash chain") == true)
  }
}
