-- Indexes for the questions people ask the tables: an account's orders and their open orders, a
-- market's recent trades, an account's ledger.

CREATE INDEX orders_by_account ON orders (account, order_id);
CREATE INDEX open_orders_by_market ON orders (market, order_id) WHERE status = 'open';
CREATE INDEX trades_by_market ON trades (market, trade_id);
CREATE INDEX ledger_by_account ON ledger (account, asset, seq);
