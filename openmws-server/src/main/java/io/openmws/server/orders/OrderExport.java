package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * A seller's order lines read one at a time, for reports: each line is handed on as it comes, nothing is
 * collected. Run inside a transaction, PostgreSQL reads the rows through a cursor in slices of
 * {@link #FETCH_SIZE}.
 */
@Component
public class OrderExport {

    /** Rows PostgreSQL sends per round trip while streaming. */
    static final int FETCH_SIZE = 1000;

    /**
     * One line of an order with its order's fields, as the order reports show it. The amounts are the
     * line's totals; {@code status} is the Orders API's {@code OrderStatus}, {@code fulfillmentChannel}
     * {@code MFN} or {@code AFN}.
     *
     * @param paymentsDate when the payment check cleared the order (the end of {@code Pending})
     * @param latestShipDate the date the seller promised to ship by
     */
    public record Line(String amazonOrderId, String sellerOrderId, String marketplaceId, String status,
                       String fulfillmentChannel, String salesChannel, String shipServiceLevel,
                       String shipmentServiceLevelCategory, boolean businessOrder, String buyerName,
                       String buyerEmail, String shipName, String shipAddressLine1, String shipAddressLine2,
                       String shipAddressLine3, String shipCity, String shipStateOrRegion, String shipPostalCode,
                       String shipCountryCode, String shipPhone, String currency, Instant purchaseDate,
                       Instant lastUpdateDate, Instant paymentsDate, Instant latestShipDate, String orderItemId,
                       String sku, String asin, String title, int quantityOrdered, int quantityShipped,
                       BigDecimal itemPrice, BigDecimal shippingPrice, BigDecimal itemTax, BigDecimal shippingTax,
                       BigDecimal promotionDiscount) {}

    /** Receives the lines; may write them out, hence the {@link IOException}. */
    @FunctionalInterface
    public interface LineHandler {
        void accept(Line line) throws IOException;
    }

    private static final String COLUMNS = """
            o.amazon_order_id, o.seller_order_id, o.marketplace_id, o.status, o.fulfillment_channel, o.sales_channel,
            o.ship_service_level, o.shipment_service_level_category, o.is_business_order, o.buyer_name, o.buyer_email,
            o.ship_name, o.ship_address_line1, o.ship_address_line2, o.ship_address_line3, o.ship_city,
            o.ship_state_or_region, o.ship_postal_code, o.ship_country_code, o.ship_phone, o.currency, o.purchase_date,
            o.last_update_date, o.pending_until, o.latest_ship_date, i.order_item_id, i.sku, i.asin, i.title,
            i.quantity_ordered, i.quantity_shipped, i.item_price, i.shipping_price, i.item_tax, i.shipping_tax,
            i.promotion_discount""";

    private final JdbcTemplate jdbc;

    OrderExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * Hands {@code handler} every line of the seller's orders in these marketplaces purchased from
     * {@code from} to {@code to} (both inclusive), by purchase date, order and line.
     */
    public void forEachLinePurchased(long accountId, Collection<String> marketplaceIds, Instant from, Instant to,
                                     LineHandler handler) throws IOException {
        if (marketplaceIds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        args.add(accountId);
        args.add(SqlTime.of(from));
        args.add(SqlTime.of(to));
        args.addAll(marketplaceIds);
        stream("""
                SELECT %s FROM customer_order o JOIN order_item i ON i.order_ref = o.id
                 WHERE o.account_id = ? AND o.purchase_date >= ? AND o.purchase_date <= ? AND o.marketplace_id IN (%s)
                 ORDER BY o.purchase_date, o.id, i.seq""".formatted(COLUMNS, marks(marketplaceIds)), args, handler);
    }

    /**
     * Hands {@code handler} every line still to ship of the seller's orders in these marketplaces that
     * wait for shipping ({@code Unshipped} or {@code PartiallyShipped}), by purchase date, order and line.
     */
    public void forEachLineToShip(long accountId, Collection<String> marketplaceIds, LineHandler handler)
            throws IOException {
        if (marketplaceIds.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>();
        args.add(accountId);
        args.addAll(marketplaceIds);
        stream("""
                SELECT %s FROM customer_order o JOIN order_item i ON i.order_ref = o.id
                 WHERE o.account_id = ? AND o.status IN ('Unshipped', 'PartiallyShipped') AND o.marketplace_id IN (%s)
                   AND i.quantity_shipped < i.quantity_ordered
                 ORDER BY o.purchase_date, o.id, i.seq""".formatted(COLUMNS, marks(marketplaceIds)), args, handler);
    }

    private void stream(String sql, List<Object> args, LineHandler handler) throws IOException {
        RowCallbackHandler each = rs -> {
            try {
                handler.accept(line(rs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            jdbc.query(sql, each, args.toArray());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String marks(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getString("amazon_order_id"), rs.getString("seller_order_id"),
                rs.getString("marketplace_id"), rs.getString("status"), rs.getString("fulfillment_channel"),
                rs.getString("sales_channel"), rs.getString("ship_service_level"),
                rs.getString("shipment_service_level_category"), rs.getBoolean("is_business_order"),
                rs.getString("buyer_name"), rs.getString("buyer_email"), rs.getString("ship_name"),
                rs.getString("ship_address_line1"), rs.getString("ship_address_line2"),
                rs.getString("ship_address_line3"), rs.getString("ship_city"), rs.getString("ship_state_or_region"),
                rs.getString("ship_postal_code"), rs.getString("ship_country_code"), rs.getString("ship_phone"),
                rs.getString("currency"), SqlTime.read(rs, "purchase_date"), SqlTime.read(rs, "last_update_date"),
                SqlTime.read(rs, "pending_until"), SqlTime.read(rs, "latest_ship_date"),
                rs.getString("order_item_id"), rs.getString("sku"), rs.getString("asin"), rs.getString("title"),
                rs.getInt("quantity_ordered"), rs.getInt("quantity_shipped"), rs.getBigDecimal("item_price"),
                rs.getBigDecimal("shipping_price"), rs.getBigDecimal("item_tax"), rs.getBigDecimal("shipping_tax"),
                rs.getBigDecimal("promotion_discount"));
    }
}
