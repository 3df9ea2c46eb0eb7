-- The read tables the PostgreSQL projector folds the events log into, and its checkpoint.
--
-- Engine amounts, prices, quantities and engine-assigned ids (orders, trades) are Int64 in the core:
-- bigint holds them exactly. Ids that a client chooses (account, client order id, transfer id) are
-- UInt64 in the core and may exceed bigint: numeric(20, 0) holds every one of them exactly.
-- Times are the batch timestamps of the events log, milliseconds since the Unix epoch, kept exact as
-- bigint (to_timestamp(time_ms / 1000.0) shows one as a timestamp).

CREATE TABLE markets (
  market text PRIMARY KEY,
  base text NOT NULL,
  quote text NOT NULL,
  lot_size bigint NOT NULL,
  tick_size bigint NOT NULL,
  min_quantity bigint NOT NULL,
  maker_fee_bps integer NOT NULL,
  taker_fee_bps integer NOT NULL,
  created_seq bigint NOT NULL,
  created_time_ms bigint NOT NULL
);

CREATE TABLE balances (
  account numeric(20, 0) NOT NULL,
  asset text NOT NULL,
  available bigint NOT NULL,
  held bigint NOT NULL,
  updated_seq bigint NOT NULL,
  PRIMARY KEY (account, asset)
);

-- Every accepted order. A rejected placement takes no order id and is in order_rejections.
CREATE TABLE orders (
  order_id bigint PRIMARY KEY,
  market text NOT NULL,
  account numeric(20, 0) NOT NULL,
  client_order_id numeric(20, 0) NOT NULL,
  side text NOT NULL,
  type text NOT NULL,
  time_in_force text NOT NULL,
  -- 0 for a MARKET order.
  price bigint NOT NULL,
  quantity bigint NOT NULL,
  filled bigint NOT NULL,
  remaining bigint NOT NULL,
  -- open (resting in the book), filled or canceled.
  status text NOT NULL,
  cancel_reason text,
  created_seq bigint NOT NULL,
  created_time_ms bigint NOT NULL,
  updated_seq bigint NOT NULL,
  updated_time_ms bigint NOT NULL
);

CREATE TABLE trades (
  trade_id bigint PRIMARY KEY,
  seq bigint NOT NULL,
  market text NOT NULL,
  price bigint NOT NULL,
  quantity bigint NOT NULL,
  maker_order_id bigint NOT NULL,
  taker_order_id bigint NOT NULL,
  maker_account numeric(20, 0) NOT NULL,
  taker_account numeric(20, 0) NOT NULL,
  taker_side text NOT NULL,
  maker_fee bigint NOT NULL,
  taker_fee bigint NOT NULL,
  time_ms bigint NOT NULL
);

-- Every balance change: one row per balanceChanged event, with the new values and the difference.
CREATE TABLE ledger (
  seq bigint NOT NULL,
  account numeric(20, 0) NOT NULL,
  asset text NOT NULL,
  available_change bigint NOT NULL,
  held_change bigint NOT NULL,
  available bigint NOT NULL,
  held bigint NOT NULL,
  time_ms bigint NOT NULL,
  PRIMARY KEY (seq, account, asset)
);

-- Every deposit and withdrawal, accepted or rejected (reject_reason is then set). One per batch.
CREATE TABLE transfers (
  seq bigint PRIMARY KEY,
  account numeric(20, 0) NOT NULL,
  asset text NOT NULL,
  amount bigint NOT NULL,
  transfer_id numeric(20, 0) NOT NULL,
  kind text NOT NULL,
  reject_reason text,
  time_ms bigint NOT NULL
);

-- Rejected placeOrder, cancelOrder, reduceOrder and cancelAll commands, one per batch. The event
-- names the order as the command did, so a rejected placement and a rejected cancel by client order
-- id look alike: both are kept here, neither becomes an order.
CREATE TABLE order_rejections (
  seq bigint PRIMARY KEY,
  account numeric(20, 0) NOT NULL,
  order_id numeric(20, 0) NOT NULL,
  client_order_id numeric(20, 0) NOT NULL,
  market text NOT NULL,
  reason text NOT NULL,
  time_ms bigint NOT NULL
);

-- Records that were no known command, and rejected createMarket commands.
CREATE TABLE command_rejections (
  seq bigint PRIMARY KEY,
  reason text NOT NULL,
  market text,
  time_ms bigint NOT NULL
);

-- The open quantity and order count at each price of each book, maintained from the events.
CREATE TABLE book_levels (
  market text NOT NULL,
  side text NOT NULL,
  price bigint NOT NULL,
  quantity bigint NOT NULL,
  order_count integer NOT NULL,
  PRIMARY KEY (market, side, price)
);

-- One row: how far the tables are. Written in the same transaction as the rows it describes.
CREATE TABLE projector_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  -- The seq of the last applied event batch, 0 before the first.
  last_seq bigint NOT NULL,
  -- Its chain hash, empty before the first.
  chain_hash bytea NOT NULL,
  -- Where that batch is in the events log, -1 before the first.
  last_position bigint NOT NULL,
  -- Set while a rebuild runs: the log's end when it began. A restart goes on with the rebuild.
  rebuild_target_position bigint,
  rebuild_started_at timestamptz,
  updated_at timestamptz NOT NULL
);

INSERT INTO projector_state (last_seq, chain_hash, last_position, updated_at)
VALUES (0, '', -1, now());
