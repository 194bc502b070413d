-- Developers whose calls are not throttled (sandbox only; set through the control API). Shared by
-- every node; each node re-reads it at most once a second.
CREATE TABLE throttle_exemption (
    developer_id VARCHAR(12)              PRIMARY KEY,
    since        TIMESTAMP WITH TIME ZONE NOT NULL
);
