package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders written straight into the V16 tables, for tests of the read side that need many orders, or
 * orders at chosen instants, faster than buyers could place them. Test code only: the platform places
 * orders through the orders feature.
 */
final class OrderRows {

    /** One order to insert; the fields are the columns, with ordinary defaults. */
    static final class Order {
        String amazonOrderId = newAmazonOrderId();
        String sellerOrderId;
        String marketplaceId = "ATVPDKIKX0DER";
        String status = "Unshipped";
        String fulfillmentChannel = "MFN";
        String salesChannel = "Amazon.com";
        String paymentMethod = "Other";
        String buyerName = "Jo Buyer";
        String buyerEmail = "jo" + ThreadLocalRandom.current().nextInt(1_000_000) + "@marketplace.amazon.com";
        String currency = "USD";
        Instant purchaseDate;
        Instant lastUpdateDate;
        int items = 1;
        String conditionType = "New";
        BigDecimal unitPrice = new BigDecimal("12.50");

        Order purchased(Instant at) {
            purchaseDate = at;
            lastUpdateDate = at;
            return this;
        }
    }

    private final JdbcClient jdbc;

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String newAmazonOrderId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%03d-%07d-%07d", r.nextInt(1000), r.nextInt(10_000_000), r.nextInt(10_000_000));
    }

    long accountId(String sellerId) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", sellerId).query(Long.class)
                .single();
    }

    /** Inserts the order and its lines (SKU-1, SKU-2, ... each of quantity {@code n}); answers the order id. */
    String insert(String sellerId, Order o) {
        Instant purchase = o.purchaseDate;
        Instant updated = o.lastUpdateDate == null ? purchase : o.lastUpdateDate;
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 1; n <= o.items; n++) {
            total = total.add(line(o, n)).add(new BigDecimal("4.99")).add(new BigDecimal("1.00"));
        }
        boolean shipped = "Shipped".equals(o.status);
        int units = o.items * (o.items + 1) / 2;
        jdbc.sql("""
                        INSERT INTO customer_order (account_id, amazon_order_id, seller_order_id, marketplace_id, status,
                            fulfillment_channel, sales_channel, ship_service_level, shipment_service_level_category,
                            payment_method, buyer_name, buyer_email, ship_name, ship_address_line1, ship_address_line2,
                            ship_city, ship_state_or_region, ship_postal_code, ship_country_code, ship_phone,
                            ship_address_type, currency, order_total, items_shipped, items_unshipped, purchase_date,
                            pending_until, last_update_date, earliest_ship_date, latest_ship_date,
                            earliest_delivery_date, latest_delivery_date)
                        VALUES (:account, :id, :sellerOrderId, :marketplace, :status, :channel, :salesChannel,
                            'Std US D2D Dom', 'Standard', :method, :buyerName, :buyerEmail, :buyerName, '12 Main St',
                            'Apt 4', 'Seattle', 'WA', '98103', 'US', '+1 206 555 0100', 'Residential', :currency,
                            :total, :shipped, :unshipped, :purchase, :pendingUntil, :updated, :purchase,
                            :latestShip, :earliestDelivery, :latestDelivery)""")
                .param("account", accountId(sellerId)).param("id", o.amazonOrderId)
                .param("sellerOrderId", o.sellerOrderId).param("marketplace", o.marketplaceId)
                .param("status", o.status).param("channel", o.fulfillmentChannel).param("salesChannel", o.salesChannel)
                .param("method", o.paymentMethod).param("buyerName", o.buyerName).param("buyerEmail", o.buyerEmail)
                .param("currency", o.currency).param("total", total)
                .param("shipped", shipped ? units : 0).param("unshipped", shipped ? 0 : units)
                .param("purchase", SqlTime.of(purchase))
                .param("pendingUntil", SqlTime.of(purchase.plus(Duration.ofMinutes(30))))
                .param("updated", SqlTime.of(updated))
                .param("latestShip", SqlTime.of(purchase.plus(Duration.ofDays(2))))
                .param("earliestDelivery", SqlTime.of(purchase.plus(Duration.ofDays(3))))
                .param("latestDelivery", SqlTime.of(purchase.plus(Duration.ofDays(7))))
                .update();
        long ref = jdbc.sql("SELECT id FROM customer_order WHERE amazon_order_id = :id").param("id", o.amazonOrderId)
                .query(Long.class).single();
        for (int n = 1; n <= o.items; n++) {
            jdbc.sql("""
                            INSERT INTO order_item (order_ref, order_item_id, seq, sku, asin, title, condition_type,
                                quantity_ordered, quantity_shipped, unit_price, item_price, shipping_price, item_tax,
                                shipping_tax, promotion_discount)
                            VALUES (:ref, :itemId, :seq, :sku, :asin, :title, :condition, :qty, :qtyShipped, :unit,
                                :price, 4.99, 1.00, 0, 0)""")
                    .param("ref", ref).param("itemId", String.format("%014d", ref * 100 + n)).param("seq", n)
                    .param("sku", "SKU-" + n).param("asin", String.format("B0%08d", n)).param("title", "Thing " + n)
                    .param("condition", o.conditionType).param("qty", n).param("qtyShipped", shipped ? n : 0)
                    .param("unit", o.unitPrice).param("price", line(o, n))
                    .update();
        }
        return o.amazonOrderId;
    }

    private static BigDecimal line(Order o, int n) {
        return o.unitPrice.multiply(BigDecimal.valueOf(n));
    }
}
