import ClickHouseClient

/// Fills `candle_states` from the trades already stored, on the server: one INSERT … SELECT per range
/// of seqs, counting the trades with seq above the candles' mark and at or below a seq `trades` holds
/// in full. The insert is one block, committed atomically with the `last_seq` that marks it: a range
/// is bounded to `tradesPerInsertMax` trades, so its candles fit in one block of the SELECT
/// (`max_block_size`, 65,536 rows), whether or not the server squashes blocks for the insert. The next
/// range starts after what the table says, so no trade is ever counted twice.
struct CandleAggregator: Sendable {
  /// The candle intervals, in seconds: 1 minute, 5 minutes, 1 hour, 1 day.
  static let intervalsSeconds = [60, 300, 3_600, 86_400]
  /// At most this many trades per insert: at most four candles each, fewer than 65,536 rows.
  static let tradesPerInsertMax = 16_000

  let client: ClickHouseClient

  /// Counts the trades with seq in `(mark, through]` into the candles, in ranges of at most
  /// `tradesPerInsertMax` trades, and returns `through`, the candles' new mark.
  func aggregate(after mark: UInt64, through: UInt64) async throws(ClickHouseProjectionError) -> UInt64 {
    var done = mark
    while done < through {
      let end = try await rangeEnd(after: done, through: through)
      try await insert(after: done, through: end)
      done = end
    }
    return max(mark, through)
  }

  /// The seq of the `tradesPerInsertMax`-th trade after `mark`, or `through` if there are fewer.
  private func rangeEnd(after mark: UInt64, through: UInt64) async throws(ClickHouseProjectionError) -> UInt64
  {
    let query =
      "SELECT seq FROM trades WHERE seq > \(mark) AND seq <= \(through) ORDER BY seq "
      + "LIMIT 1 OFFSET \(Self.tradesPerInsertMax - 1)"
    let answer: String
    do {
      answer = try await client.query(query)
    } catch {
      throw .clickHouse(error, during: "sizing a candle insert")
    }
    let text = answer.filter { !$0.isWhitespace }
    if text.isEmpty { return through }
    guard let seq = UInt64(text) else { throw .unexpectedAnswer(query: query, answer: answer) }
    return seq
  }

  private func insert(after mark: UInt64, through end: UInt64) async throws(ClickHouseProjectionError) {
    let intervals = Self.intervalsSeconds.map(String.init).joined(separator: ", ")
    let sql = """
      INSERT INTO candle_states \
      SELECT market, interval_seconds, \
      intDiv(timestamp_ms, interval_seconds * 1000) * (interval_seconds * 1000) AS bucket_start_ms, \
      argMinState(price, trade_id), maxState(price), minState(price), argMaxState(price, trade_id), \
      sumState(toDecimal128(quantity, 0)), sumState(toDecimal128(notional, 0)), countState(), maxState(seq) \
      FROM trades ARRAY JOIN [\(intervals)] AS interval_seconds \
      WHERE seq > \(mark) AND seq <= \(end) \
      GROUP BY market, interval_seconds, bucket_start_ms
      """
    do {
      try await client.execute(sql)
    } catch {
      throw .clickHouse(error, during: "inserting candles for batches \(mark + 1)–\(end)")
    }
  }
}
