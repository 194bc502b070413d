-- The SDK's credential store: sellers who authorized the developer, and the developer's own access key.
-- Its own Flyway history table (openmws_sdk_schema_history), so it can share a database with anything.
-- Plain SQL that H2 and PostgreSQL both run.

CREATE TABLE sdk_seller (
    seller_id       VARCHAR(20)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    -- the MWS Auth Token sealed with the store's Tink AEAD keyset; NULL for self-access
    mws_auth_token  BYTEA,
    -- 1 to 5 marketplace ids, comma-separated, in the order given
    marketplace_ids VARCHAR(120) NOT NULL,
    authorized_on   DATE         NOT NULL,
    -- authorized_on + 12 months, kept for the expiry filter's index
    expires_on      DATE         NOT NULL,
    -- ACTIVE or NEEDS_REAUTHORIZATION (EXPIRED follows from expires_on and is not stored)
    status          VARCHAR(30)  NOT NULL,
    status_reason   VARCHAR(500),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sdk_seller_expires_on ON sdk_seller (expires_on);

CREATE TABLE sdk_developer_credentials (
    -- always 1: one access key per store
    id             INTEGER     NOT NULL PRIMARY KEY,
    access_key_id  VARCHAR(20) NOT NULL,
    -- the Secret Key sealed with the store's keyset
    secret_key     BYTEA       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
