-- Long lists of authorizations (issue 13): the seller's Current Authorizations and the developer's
-- Authorized sellers read one owner's rows, live or past, newest first or by expiry, a page at a time.
-- These indexes let both databases find the owner's rows in the order asked for.
CREATE INDEX seller_authorization_account_newest ON seller_authorization (account_id, authorized_at, id);
CREATE INDEX seller_authorization_account_expiry ON seller_authorization (account_id, expires_at, id);
CREATE INDEX seller_authorization_developer_newest ON seller_authorization (developer_ref, authorized_at, id);
CREATE INDEX seller_authorization_developer_expiry ON seller_authorization (developer_ref, expires_at, id);
