import Foundation
import PostgresClient
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

@testable import PostgresProjection

/// A column that must hold an integer.
func integer(_ row: PostgresRow, _ column: String) throws -> Int64 {
  try #require(try row.int64(column), "\(column) is NULL")
}

@Suite struct PostgresProjectorTests {
  static func project(
    _ log: TemporaryLog, into database: ProjectionDatabase, rebuild: Bool = false,
    batchesPerTransaction: Int = 10_000
  ) throws -> ProjectionSummary {
    try PostgresProjector(
      configuration: PostgresProjectorConfiguration(
        eventsAddress: log.address, postgresURL: database.url, rebuild: rebuild, follow: false,
        batchesPerTransactionMax: batchesPerTransaction, retryDelayInitial: .milliseconds(20))
    ).run()
  }

  /// The tables of a 200,000-command run agree with the engine that produced its events: balances
  /// with its ledger, book levels with its books, open orders with its open orders; orders and
  /// trades with the events themselves.
  @Test func largeRunMatchesTheEngine() throws {
    let fixture = SharedFixtures.large
    let log = TemporaryLog(fixture: fixture)
    let database = try ProjectionDatabase()
    defer { database.drop() }

    let summary = try Self.project(log, into: database)
    #expect(summary.batchesApplied == fixture.batches.count)
    #expect(summary.eventsApplied == fixture.eventCount)
    #expect(summary.lastSeq == UInt64(fixture.batches.count))

    let connection = try database.connect()
    try expectBalances(connection, equal: fixture.engine)
    try expectBooks(connection, equal: fixture.engine)
    try expectOpenOrders(connection, equal: fixture.engine)
    try expectOrdersAndTrades(connection, match: fixture.batches)
  }

  private func expectBalances(_ connection: PostgresConnection, equal engine: Engine) throws {
    let rows = try connection.execute(
      "SELECT account, asset, available, held FROM balances ORDER BY account, asset")
    let projected = rows.map { "\($0[0]!) \($0[1]!) \($0[2]!) \($0[3]!)" }
    // The engine sorts assets by bytes, as does PostgreSQL's "C" collation of the test server only
    // by chance: compare as sorted lists of the same lines.
    let expected = engine.balances.map {
      "\($0.account) \($0.asset) \($0.balance.available) \($0.balance.held)"
    }
    #expect(projected.count == expected.count)
    #expect(projected.sorted() == expected.sorted())
    #expect(!expected.isEmpty)
  }

  private func expectBooks(_ connection: PostgresConnection, equal engine: Engine) throws {
    var levelCount = 0
    for market in engine.markets {
      let book = engine.book(market: market.market, depth: Int(Int32.max))
      for (side, expected) in [("BUY", book.bids), ("SELL", book.asks)] {
        let order = side == "BUY" ? "DESC" : "ASC"
        let rows = try connection.execute(
          "SELECT price, quantity, order_count FROM book_levels WHERE market = $1 AND side = $2 ORDER BY price \(order)",
          parameters: [market.market.description, side])
        let projected = try rows.map {
          BookLevel(
            price: try integer($0, "price"), quantity: try integer($0, "quantity"),
            orderCount: Int(try integer($0, "order_count")))
        }
        #expect(projected == expected, "\(market.market) \(side)")
        levelCount += expected.count
      }
    }
    #expect(levelCount > 0)
  }

  private func expectOpenOrders(_ connection: PostgresConnection, equal engine: Engine) throws {
    let rows = try connection.execute(
      "SELECT order_id, account, price, remaining, side FROM orders WHERE status = 'open' ORDER BY order_id")
    let projected = rows.map { "\($0[0]!) \($0[1]!) \($0[2]!) \($0[3]!) \($0[4]!)" }
    let expected = engine.openOrders.map {
      "\($0.orderId) \($0.account) \($0.price) \($0.remaining) \($0.side == .buy ? "BUY" : "SELL")"
    }
    #expect(projected == expected)
  }

  private func expectOrdersAndTrades(
    _ connection: PostgresConnection, match batches: [EventBatchRecord]
  ) throws {
    var accepted = 0
    var filled = 0
    var canceled = 0
    var trades = 0
    var tradedQuantity: Int64 = 0
    var fees: Int64 = 0
    var balanceChanges = 0
    for batch in batches {
      for event in batch.events {
        switch event {
        case .orderAccepted: accepted += 1
        case .orderFilled: filled += 1
        case .orderCanceled: canceled += 1
        case .trade(let trade):
          trades += 1
          tradedQuantity += trade.quantity
          fees += trade.makerFee + trade.takerFee
        case .balanceChanged: balanceChanges += 1
        default: break
        }
      }
    }
    let statuses = try connection.execute(
      "SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY status")
    let counts = Dictionary(uniqueKeysWithValues: try statuses.map { ($0[0]!, try integer($0, "n")) })
    #expect(counts.values.reduce(0, +) == Int64(accepted))
    #expect(counts["filled"] == Int64(filled))
    #expect(counts["canceled"] == Int64(canceled))
    #expect(trades > 1_000)

    let orderTotals = try #require(
      try connection.execute("SELECT sum(filled) AS filled FROM orders").first)
    // Every traded lot fills a maker and a taker.
    #expect(try orderTotals.int64("filled") == 2 * tradedQuantity)

    let tradeTotals = try #require(
      try connection.execute(
        "SELECT count(*) AS n, sum(quantity) AS quantity, sum(maker_fee + taker_fee) AS fees FROM trades"
      ).first)
    #expect(try tradeTotals.int64("n") == Int64(trades))
    #expect(try tradeTotals.int64("quantity") == tradedQuantity)
    #expect(try tradeTotals.int64("fees") == fees)

    let ledger = try #require(try connection.execute("SELECT count(*) AS n FROM ledger").first)
    #expect(try ledger.int64("n") == Int64(balanceChanges))
    // The ledger's changes add up to the balances.
    let mismatches = try connection.execute(
      """
      SELECT b.account, b.asset FROM balances b
      JOIN (SELECT account, asset, sum(available_change) AS available, sum(held_change) AS held
            FROM ledger GROUP BY account, asset) l USING (account, asset)
      WHERE l.available <> b.available OR l.held <> b.held
      """)
    #expect(mismatches.isEmpty)
  }
}
