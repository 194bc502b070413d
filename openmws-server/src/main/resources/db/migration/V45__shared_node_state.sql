-- Several nodes on one database (issue 18): what each node used to keep for itself.

-- Proof of the secrets keyset: a value sealed (context "platform/keyset-check") by the first node that
-- started on this database. A node whose keyset cannot open it refuses to start, instead of answering
-- every signed call with an error because it cannot open the secrets the other nodes sealed. Kept by a
-- sandbox reset, like the clock: the secrets that come after a reset are sealed with the same keyset.
CREATE TABLE platform_keyset_check (
    id        SMALLINT                 PRIMARY KEY CHECK (id = 1),
    sealed    BYTEA                    NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What GetServiceStatus reports per API section, as the sandbox operator set it (no row: GREEN).
-- Read by every node on each GetServiceStatus call.
CREATE TABLE service_status (
    section    VARCHAR(20)              PRIMARY KEY,
    status     VARCHAR(10)              NOT NULL,
    message_id VARCHAR(1000),
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_status_status CHECK (status IN ('GREEN', 'GREEN_I', 'YELLOW', 'RED'))
);

-- The status's messages (en_US), in the order given.
CREATE TABLE service_status_message (
    section VARCHAR(20)   NOT NULL REFERENCES service_status (section) ON DELETE CASCADE,
    seq     INTEGER       NOT NULL,
    message VARCHAR(1000) NOT NULL,
    PRIMARY KEY (section, seq)
);
