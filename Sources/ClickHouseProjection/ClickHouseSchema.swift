/// The ClickHouse schema, as the migrations in schemas/clickhouse. The SQL is compiled in, so the
/// binary needs no files beside it; a test checks that each text here equals its file byte for byte.
/// A new migration is a new file with the next number, copied here.
enum ClickHouseSchema {
  static let migrations: [SchemaMigration] = [
    SchemaMigration(
      version: 1, fileName: "0001_history_tables.sql",
      sql: #"""
        -- Tradelog's ClickHouse history tables: every trade, every order lifecycle event and every balance
        -- change, each row carrying the `seq` of its event batch and its index inside that batch.
        --
        -- The projector derives where each table stands from `max(seq)`: it writes a table's rows for a range
        -- of batches in one insert block, which ClickHouse commits atomically. No table is partitioned: a
        -- block that spanned partitions would be committed as one part per partition, not atomically.
        --
        -- Timestamps are the batch's timestamp: milliseconds since the Unix epoch, as the log assigned it
        -- (ClickHouse 18.16 has no DateTime64); `time` is the same instant to the second, for readability.
        -- Every statement is idempotent, so a migration interrupted halfway is simply applied again.

        CREATE TABLE IF NOT EXISTS trades (
            market String,
            timestamp_ms Int64,
            trade_id UInt64,
            seq UInt64,
            event_index UInt32,
            price Int64,
            quantity Int64,
            notional Int64,
            maker_order_id UInt64,
            taker_order_id UInt64,
            maker_account UInt64,
            taker_account UInt64,
            taker_side Enum8('BUY' = 1, 'SELL' = 2),
            maker_fee Int64,
            taker_fee Int64,
            time DateTime MATERIALIZED toDateTime(intDiv(timestamp_ms, 1000))
        ) ENGINE = MergeTree() ORDER BY (market, timestamp_ms, trade_id);

        CREATE TABLE IF NOT EXISTS order_events (
            seq UInt64,
            event_index UInt32,
            timestamp_ms Int64,
            kind Enum8('ACCEPTED' = 1, 'REJECTED' = 2, 'FILLED' = 3, 'CANCELED' = 4, 'REDUCED' = 5),
            order_id UInt64,
            account UInt64,
            client_order_id UInt64,
            market String,
            side Enum8('NONE' = 0, 'BUY' = 1, 'SELL' = 2),
            order_type Enum8('NONE' = 0, 'LIMIT' = 1, 'MARKET' = 2),
            time_in_force Enum8('NONE' = 0, 'GTC' = 1, 'IOC' = 2, 'FOK' = 3, 'POST_ONLY' = 4),
            price Int64,
            quantity Int64,
            remaining Int64,
            reason String,
            time DateTime MATERIALIZED toDateTime(intDiv(timestamp_ms, 1000))
        ) ENGINE = MergeTree() ORDER BY (account, order_id, seq, event_index);

        CREATE TABLE IF NOT EXISTS balance_changes (
            seq UInt64,
            event_index UInt32,
            timestamp_ms Int64,
            account UInt64,
            asset String,
            available Int64,
            held Int64,
            time DateTime MATERIALIZED toDateTime(intDiv(timestamp_ms, 1000))
        ) ENGINE = MergeTree() ORDER BY (account, asset, seq);

        """#),
    SchemaMigration(
      version: 2, fileName: "0002_candles.sql",
      sql: #"""
        -- OHLCV candles at 1 minute, 5 minutes, 1 hour and 1 day, as aggregate states in one table.
        --
        -- The projector fills `candle_states` on the server, with one INSERT … SELECT over the trades of a
        -- range of batches that are already stored (`seq` above the candles' own mark, at or below what
        -- `trades` holds). That insert is one block, so it is committed atomically, and `last_seq` records
        -- the last trade it counted: the next insert starts after `maxMerge(last_seq)`, so no trade is ever
        -- counted twice, whatever crashed when. Open and close are the prices of the first and last trade
        -- by trade id (the engine numbers trades in the order they happen).
        --
        -- Query the `candles_*` views: they merge the states (rows of one candle may not be merged on disk
        -- yet). Volumes are sums of lots and of quote units as Decimal128, which cannot overflow.

        CREATE TABLE IF NOT EXISTS candle_states (
            market String,
            interval_seconds UInt32,
            bucket_start_ms Int64,
            open AggregateFunction(argMin, Int64, UInt64),
            high AggregateFunction(max, Int64),
            low AggregateFunction(min, Int64),
            close AggregateFunction(argMax, Int64, UInt64),
            volume AggregateFunction(sum, Decimal128(0)),
            quote_volume AggregateFunction(sum, Decimal128(0)),
            trade_count AggregateFunction(count),
            last_seq AggregateFunction(max, UInt64)
        ) ENGINE = AggregatingMergeTree() ORDER BY (market, interval_seconds, bucket_start_ms);

        CREATE VIEW IF NOT EXISTS candles_1m AS
        SELECT market, bucket_start_ms, toDateTime(intDiv(bucket_start_ms, 1000)) AS bucket_start,
            argMinMerge(open) AS open, maxMerge(high) AS high, minMerge(low) AS low, argMaxMerge(close) AS close,
            sumMerge(volume) AS volume, sumMerge(quote_volume) AS quote_volume, countMerge(trade_count) AS trades
        FROM candle_states WHERE interval_seconds = 60 GROUP BY market, bucket_start_ms;

        CREATE VIEW IF NOT EXISTS candles_5m AS
        SELECT market, bucket_start_ms, toDateTime(intDiv(bucket_start_ms, 1000)) AS bucket_start,
            argMinMerge(open) AS open, maxMerge(high) AS high, minMerge(low) AS low, argMaxMerge(close) AS close,
            sumMerge(volume) AS volume, sumMerge(quote_volume) AS quote_volume, countMerge(trade_count) AS trades
        FROM candle_states WHERE interval_seconds = 300 GROUP BY market, bucket_start_ms;

        CREATE VIEW IF NOT EXISTS candles_1h AS
        SELECT market, bucket_start_ms, toDateTime(intDiv(bucket_start_ms, 1000)) AS bucket_start,
            argMinMerge(open) AS open, maxMerge(high) AS high, minMerge(low) AS low, argMaxMerge(close) AS close,
            sumMerge(volume) AS volume, sumMerge(quote_volume) AS quote_volume, countMerge(trade_count) AS trades
        FROM candle_states WHERE interval_seconds = 3600 GROUP BY market, bucket_start_ms;

        CREATE VIEW IF NOT EXISTS candles_1d AS
        SELECT market, bucket_start_ms, toDateTime(intDiv(bucket_start_ms, 1000)) AS bucket_start,
            argMinMerge(open) AS open, maxMerge(high) AS high, minMerge(low) AS low, argMaxMerge(close) AS close,
            sumMerge(volume) AS volume, sumMerge(quote_volume) AS quote_volume, countMerge(trade_count) AS trades
        FROM candle_states WHERE interval_seconds = 86400 GROUP BY market, bucket_start_ms;

        """#),
  ]

  /// The newest schema version this build knows.
  static var newestVersion: Int { migrations.last?.version ?? 0 }
}
