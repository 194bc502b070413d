package io.openmws.server.finances;

import io.openmws.server.support.SqlTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * One settlement period (financial event group) of a seller for its settlement report: the period
 * itself, then every amount of every event posted into it, one at a time, nothing collected. Run inside a
 * transaction, PostgreSQL reads the amounts through a cursor in slices of {@link #FETCH_SIZE}. The
 * amounts are exactly the components ListFinancialEvents shows for the group, so they add up to its
 * {@code OriginalTotal}.
 */
@Component
public class SettlementExport {

    /** Rows PostgreSQL sends per round trip while streaming. */
    static final int FETCH_SIZE = 1000;

    /**
     * A settlement period as its report's summary shows it.
     *
     * @param settlementId a stable number for the period (the report's {@code settlement-id}), 11 digits,
     *                     distinct for every group
     * @param depositDate  when the total was transferred; null when nothing was (or the period is open)
     * @param total        {@code OriginalTotal}, the sum of the events' amounts
     */
    public record Period(long settlementId, String financialEventGroupId, Instant start, Instant end,
                         Instant depositDate, BigDecimal total, String currency, boolean closed) {}

    /**
     * One amount of one item of one event: a charge ({@code kind} {@code Charge}: Principal, Tax,
     * ShippingCharge, ShippingTax), a fee ({@code Fee}: Commission, FixedClosingFee, RefundCommission) or a
     * promotion ({@code Promotion}, with its id). Signed as the seller sees it.
     *
     * @param eventType              {@code ShipmentEvent} or {@code RefundEvent}
     * @param sourceId               the shipment's or refund's number on the orders side
     * @param orderAdjustmentItemId  the item's {@code OrderAdjustmentItemId} (refunds only)
     * @param firstOfItem            whether this is the item's first amount (where the report puts its quantity)
     */
    public record Amount(String eventType, String sourceId, String amazonOrderId, String sellerOrderId,
                         String marketplaceName, Instant postedDate, String orderItemId,
                         String orderAdjustmentItemId, String sku, int quantity, String kind, String type,
                         String promotionId, BigDecimal amount, boolean firstOfItem) {}

    /** Receives the amounts; may write them out, hence the {@link IOException}. */
    @FunctionalInterface
    public interface AmountHandler {
        void accept(Amount amount) throws IOException;
    }

    /** 11 digits: the smallest 11-digit number plus a bijection of the row id onto 9 * 10^10 values. */
    private static final long SETTLEMENT_BASE = 10_000_000_000L;
    private static final long SETTLEMENT_SPAN = 90_000_000_000L;
    /** Prime, coprime with the span (2^10 * 3^2 * 5^10), so distinct groups get distinct settlement ids. */
    private static final long SETTLEMENT_MIXER = 7_919L;

    private final JdbcTemplate jdbc;

    SettlementExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** The seller's period of that {@code FinancialEventGroupId}; empty for another seller's or an unknown one. */
    public Optional<Period> period(long accountId, String financialEventGroupId) {
        List<Period> found = jdbc.query("""
                        SELECT id, group_id, period_start, period_end, fund_transfer_date, original_total, currency,
                               processing_status
                          FROM financial_event_group WHERE account_id = ? AND group_id = ?""",
                (rs, n) -> new Period(settlementId(rs.getLong("id")), rs.getString("group_id"),
                        SqlTime.read(rs, "period_start"), SqlTime.read(rs, "period_end"),
                        SqlTime.read(rs, "fund_transfer_date"), rs.getBigDecimal("original_total"),
                        rs.getString("currency"), EventGroup.CLOSED.equals(rs.getString("processing_status"))),
                accountId, financialEventGroupId);
        return found.stream().findFirst();
    }

    /**
     * Hands {@code handler} every amount of the seller's events in that group, by posted date, event, item
     * and component, as ListFinancialEvents lists them.
     */
    public void forEachAmount(long accountId, String financialEventGroupId, AmountHandler handler)
            throws IOException {
        RowCallbackHandler each = rs -> {
            String source = rs.getString("source_ref");
            try {
                handler.accept(new Amount(rs.getString("event_type"), source.substring(source.indexOf(':') + 1),
                        rs.getString("amazon_order_id"), rs.getString("seller_order_id"),
                        rs.getString("marketplace_name"), SqlTime.read(rs, "posted_date"),
                        rs.getString("order_item_id"), rs.getString("order_adjustment_item_id"),
                        rs.getString("seller_sku"), rs.getInt("quantity"), rs.getString("kind"),
                        rs.getString("component_type"), rs.getString("promotion_id"), rs.getBigDecimal("amount"),
                        rs.getInt("component_seq") == rs.getInt("first_seq")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            jdbc.query("""
                    SELECT e.event_type, e.source_ref, e.amazon_order_id, e.seller_order_id, e.marketplace_name,
                           e.posted_date, i.order_item_id, i.order_adjustment_item_id, i.seller_sku, i.quantity,
                           c.kind, c.component_type, c.promotion_id, c.amount, c.seq AS component_seq,
                           (SELECT MIN(f.seq) FROM financial_event_component f WHERE f.item_ref = i.id) AS first_seq
                      FROM financial_event_group g
                      JOIN financial_event e ON e.group_ref = g.id AND e.account_id = g.account_id
                      JOIN financial_event_item i ON i.event_ref = e.id
                      JOIN financial_event_component c ON c.item_ref = i.id
                     WHERE g.account_id = ? AND g.group_id = ?
                     ORDER BY e.posted_date, e.id, i.seq, c.seq""", each, accountId, financialEventGroupId);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static long settlementId(long groupRef) {
        return SETTLEMENT_BASE + Math.floorMod(groupRef * SETTLEMENT_MIXER + 12_345L, SETTLEMENT_SPAN);
    }
}
