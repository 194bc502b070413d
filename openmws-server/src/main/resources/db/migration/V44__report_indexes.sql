-- Reports (issue 16): the Unshipped Orders report reads a seller's orders that wait for shipping, oldest
-- first, through this index instead of every order the seller ever had (which customer_order_created holds).
CREATE INDEX customer_order_status ON customer_order (account_id, status, purchase_date, id);
