-- One number every node reads to know whether what it remembers about callers is still true (issue 18,
-- the gateway's ceiling): each change to who may call, and for which seller (an access key created,
-- deactivated or deleted, a developer suspended or reinstated, an authorization granted, verified,
-- renewed, revoked or expired, a seller account activated or its contact name, marketplaces or staging
-- mode changed, a throttling switch) moves it in the transaction that makes the change. A node keeps
-- keys, grants, accounts and switches it has read together with the version it read before them, and
-- uses them only while the version has not moved (support/AccessVersion). Kept by a sandbox reset, which
-- moves it instead: a number that went back could make a node trust what it read before the reset.
CREATE TABLE access_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);

INSERT INTO access_version (id, version) VALUES (1, 0);
