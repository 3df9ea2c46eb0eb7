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
