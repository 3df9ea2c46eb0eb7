import PostgresClient
import TradelogCore

/// Writes one transaction's changes. Append-only tables get one COPY each. Current-state tables
/// (orders, balances, book levels) get one COPY of their changed rows into a temporary staging table
/// and one set-based upsert from it: COPY carries the rows, and the upsert is a single statement
/// however many rows changed.
enum ProjectionWriter {
  /// Staging tables live as long as the connection and empty themselves at every commit.
  static func createStagingTables(_ connection: PostgresConnection) throws(ProjectionError) {
    for table in ["orders", "balances", "book_levels"] {
      try connection.run(
        "CREATE TEMPORARY TABLE IF NOT EXISTS \(table)_staging (LIKE \(table)) ON COMMIT DELETE ROWS")
    }
  }

  /// Inside the caller's transaction.
  static func write(
    _ changes: ProjectionChanges, of fold: ProjectionFold, finishingRebuild: Bool,
    to connection: PostgresConnection
  ) throws(ProjectionError) {
    try connection.copy("COPY markets FROM STDIN", rows: changes.marketRows)
    try connection.copy("COPY transfers FROM STDIN", rows: changes.transferRows)
    try connection.copy("COPY order_rejections FROM STDIN", rows: changes.orderRejectionRows)
    try connection.copy("COPY command_rejections FROM STDIN", rows: changes.commandRejectionRows)
    try connection.copy("COPY trades FROM STDIN", rows: changes.tradeRows)
    try connection.copy("COPY ledger FROM STDIN", rows: changes.ledgerRows)
    try writeOrders(changes, to: connection)
    try writeBalances(changes, of: fold, to: connection)
    try writeLevels(changes, of: fold, to: connection)
    try writeCheckpoint(changes, finishingRebuild: finishingRebuild, to: connection)
  }

  private static func writeOrders(
    _ changes: ProjectionChanges, to connection: PostgresConnection
  )
    throws(ProjectionError)
  {
    guard !changes.orderIds.isEmpty else { return }
    let rows = changes.orderIds.map { changes.orders[$0]!.copyRow }
    try connection.copy("COPY orders_staging FROM STDIN", rows: rows)
    try connection.run(
      """
      INSERT INTO orders SELECT * FROM orders_staging
      ON CONFLICT (order_id) DO UPDATE SET
        filled = excluded.filled, remaining = excluded.remaining, status = excluded.status,
        cancel_reason = excluded.cancel_reason, updated_seq = excluded.updated_seq,
        updated_time_ms = excluded.updated_time_ms
      """)
  }

  private static func writeBalances(
    _ changes: ProjectionChanges, of fold: ProjectionFold, to connection: PostgresConnection
  ) throws(ProjectionError) {
    guard !changes.balanceKeys.isEmpty else { return }
    let rows = changes.balanceKeys.map { key in
      let balance = fold.balances[key]!
      var row = CopyRow()
      row.add(key.account)
      row.add(key.asset)
      row.add(balance.available)
      row.add(balance.held)
      row.add(changes.balanceSeqs[key]!)
      return row.text
    }
    try connection.copy("COPY balances_staging FROM STDIN", rows: rows)
    try connection.run(
      """
      INSERT INTO balances SELECT * FROM balances_staging
      ON CONFLICT (account, asset) DO UPDATE SET
        available = excluded.available, held = excluded.held, updated_seq = excluded.updated_seq
      """)
  }

  /// A level that emptied is staged with no orders and deleted; the others are upserted.
  private static func writeLevels(
    _ changes: ProjectionChanges, of fold: ProjectionFold, to connection: PostgresConnection
  ) throws(ProjectionError) {
    guard !changes.levelKeys.isEmpty else { return }
    let rows = changes.levelKeys.map { key in
      let totals = fold.levels[key] ?? BookLevelTotals(quantity: 0, orderCount: 0)
      var row = CopyRow()
      row.add(key.market)
      row.add(name: key.side.name)
      row.add(key.price)
      row.add(totals.quantity)
      row.add(totals.orderCount)
      return row.text
    }
    try connection.copy("COPY book_levels_staging FROM STDIN", rows: rows)
    try connection.run(
      """
      DELETE FROM book_levels AS level USING book_levels_staging AS staged
      WHERE staged.order_count = 0
        AND level.market = staged.market AND level.side = staged.side AND level.price = staged.price
      """)
    try connection.run(
      """
      INSERT INTO book_levels SELECT * FROM book_levels_staging WHERE order_count > 0
      ON CONFLICT (market, side, price) DO UPDATE SET
        quantity = excluded.quantity, order_count = excluded.order_count
      """)
  }

  private static func writeCheckpoint(
    _ changes: ProjectionChanges, finishingRebuild: Bool, to connection: PostgresConnection
  ) throws(ProjectionError) {
    try connection.run(
      """
      UPDATE projector_state SET
        last_seq = $1::bigint, chain_hash = decode($2, 'hex'), last_position = $3::bigint,
        rebuild_target_position = CASE WHEN $4::boolean THEN NULL ELSE rebuild_target_position END,
        rebuild_started_at = CASE WHEN $4::boolean THEN NULL ELSE rebuild_started_at END,
        updated_at = now()
      """,
      [
        String(changes.lastSeq), HexBytes.encode(changes.lastChainHash), String(changes.lastPosition),
        finishingRebuild ? "true" : "false",
      ])
  }

  /// Ends a rebuild whose last batches were all duplicates, so nothing else was written.
  static func finishRebuild(_ connection: PostgresConnection) throws(ProjectionError) {
    try connection.run(
      "UPDATE projector_state SET rebuild_target_position = NULL, rebuild_started_at = NULL, updated_at = now()"
    )
  }
}
