-- The platform clock's offset from real time (sandbox time travel), shared by every node.
CREATE TABLE platform_clock (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    offset_millis BIGINT   NOT NULL CHECK (offset_millis >= 0)
);

INSERT INTO platform_clock (id, offset_millis) VALUES (1, 0);
