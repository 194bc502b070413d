-- Who last suspended or reinstated a developer (the operator, from its pages or the control API),
-- when, and why. NULL until the status first changes.
ALTER TABLE developer ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE developer ADD COLUMN status_changed_by VARCHAR(40);
ALTER TABLE developer ADD COLUMN status_reason VARCHAR(500);

-- The operator's lists show the newest first.
CREATE INDEX seller_account_created ON seller_account (created_at);
CREATE INDEX developer_registered ON developer (registered_at);
CREATE INDEX seller_authorization_authorized ON seller_authorization (authorized_at);
