-- Finances (issue 15): one row per seller and currency that postings and closings lock, so one seller's
-- events and settlement closings in a currency happen one at a time, without locking the seller's
-- account row (which every other feature's inserts reference).
CREATE TABLE financial_ledger (
    account_id  BIGINT     NOT NULL REFERENCES seller_account (id) ON DELETE CASCADE,
    currency    VARCHAR(3) NOT NULL,
    PRIMARY KEY (account_id, currency)
);
