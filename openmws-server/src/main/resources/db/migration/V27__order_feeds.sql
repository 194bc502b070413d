-- Order feeds (issue 15): what the order acknowledgement and fulfillment feeds need beyond V16.

-- The seller's own id for an order line, set by an OrderAcknowledgement's Item/MerchantOrderItemID, so
-- later fulfillment messages may name the line by it (as customer_order.seller_order_id names the order).
ALTER TABLE order_item ADD COLUMN merchant_order_item_id VARCHAR(64);

-- One shipment per feed message: a message applied again (it cannot be, the feed's checkpoint commits
-- with it; this is the database's word on it) fails instead of shipping twice. Shipments not made by a
-- feed have no feed_ref, and NULLs never collide.
CREATE UNIQUE INDEX order_shipment_message ON order_shipment (feed_ref, message_id);
