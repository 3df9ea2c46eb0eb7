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
