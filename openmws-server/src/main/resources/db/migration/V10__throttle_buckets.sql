-- Throttle buckets shared by several nodes (openmws.throttling.store=database, PostgreSQL only):
-- Bucket4j's own state, one row per (seller, developer, operation group, burst or hourly).
CREATE TABLE throttle_bucket (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
