-- PostgreSQL only (H2 has no fillfactor): leave half of each listing page free, so that a price or
-- quantity change (feeds, orders taking stock) writes the row's new version on the same page as a
-- heap-only tuple, without a new entry in any of the listing's four indexes. Measured on a million
-- listings (BENCHMARKS.md, issue 14): one pass of updates went from 0 % to 94 % heap-only and about
-- 3.5x faster; the table takes twice the space. Pages written before this keep their old layout
-- until the table is rewritten (VACUUM FULL or CLUSTER).
ALTER TABLE listing SET (fillfactor = 50);
