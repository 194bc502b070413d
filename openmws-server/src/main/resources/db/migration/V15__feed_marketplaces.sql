-- A feed may name every marketplace its seller sells in: room for all of them, comma-separated.
ALTER TABLE feed_submission ALTER COLUMN marketplace_ids SET DATA TYPE VARCHAR(1000);
