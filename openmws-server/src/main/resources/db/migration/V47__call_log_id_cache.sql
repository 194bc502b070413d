-- The call log's ids are taken a thousand at a time instead of H2's default 32 (PostgreSQL's is 1). On
-- the embedded H2 each time the identity runs out of cached values it writes the whole store to the
-- file (WRITE_DELAY=0): at 4,000 calls a second that was most of the call-log writer's CPU, as much as
-- the gateway's own (BENCHMARKS.md, "The true ceiling"). A restart or crash skips what was cached, and
-- on PostgreSQL each connection has its own range: ids stay unique, not dense nor in insertion order,
-- which nothing needs (the call history orders by called_at, the id only breaks ties).
ALTER TABLE mws_call ALTER COLUMN id SET CACHE 1000;
