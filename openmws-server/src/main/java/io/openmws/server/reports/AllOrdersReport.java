package io.openmws.server.reports;

import io.openmws.server.orders.OrderExport;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_}, the "All Orders Report" (mws-data-apis.md §3.3):
 * one row per order line, in 33 columns, for the seller's orders purchased from {@code StartDate} to
 * {@code EndDate} (both inclusive) in the request's marketplaces, oldest first.
 *
 * <p>{@code order-status} is the Orders API's status except {@code Canceled}, which this report spells
 * {@code Cancelled}; {@code item-status} is {@code Shipped} once every unit of the line left,
 * {@code Cancelled} with its order, else {@code Unshipped}. Gift wrap, shipping promotions, promotion ids,
 * purchase order numbers, price designations and the order channel are things the platform does not have:
 * their columns are empty.
 */
@Component
class AllOrdersReport implements ReportGenerator {

    static final String[] HEADER = {"amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date",
            "order-status", "fulfillment-channel", "sales-channel", "order-channel", "url", "ship-service-level",
            "product-name", "sku", "asin", "item-status", "quantity", "currency", "item-price", "item-tax",
            "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount",
            "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code", "ship-country", "promotion-ids",
            "is-business-order", "purchase-order-number", "price-designation", "is-sold-by-ab"};

    private final OrderExport orders;

    AllOrdersReport(OrderExport orders) {
        this.orders = orders;
    }

    @Override
    public Set<String> reportTypes() {
        return Set.of(ReportTypes.ALL_ORDERS_BY_ORDER_DATE);
    }

    @Override
    public long generate(ReportJob job, ReportOutput out) throws IOException {
        out.header(HEADER);
        Instant from = job.startDate() == null ? Instant.EPOCH : job.startDate();
        Instant to = job.endDate() == null ? job.now() : job.endDate();
        String[] v = new String[HEADER.length];
        orders.forEachLinePurchased(job.accountId(), job.marketplaceIds(), from, to, l -> {
            boolean cancelled = "Canceled".equals(l.status());
            v[0] = l.amazonOrderId();
            v[1] = l.sellerOrderId();
            v[2] = ReportFormats.iso(l.purchaseDate());
            v[3] = ReportFormats.iso(l.lastUpdateDate());
            v[4] = cancelled ? "Cancelled" : l.status();
            v[5] = ReportFormats.fulfillmentChannel(l.fulfillmentChannel());
            v[6] = l.salesChannel();
            v[9] = l.shipmentServiceLevelCategory();
            v[10] = l.title();
            v[11] = l.sku();
            v[12] = l.asin();
            v[13] = cancelled ? "Cancelled" : l.quantityShipped() >= l.quantityOrdered() ? "Shipped" : "Unshipped";
            v[14] = Integer.toString(l.quantityOrdered());
            v[15] = l.currency();
            v[16] = ReportFormats.money(l.itemPrice());
            v[17] = ReportFormats.money(l.itemTax());
            v[18] = ReportFormats.money(l.shippingPrice());
            v[19] = ReportFormats.money(l.shippingTax());
            v[22] = ReportFormats.money(l.promotionDiscount());
            v[24] = l.shipCity();
            v[25] = l.shipStateOrRegion();
            v[26] = l.shipPostalCode();
            v[27] = l.shipCountryCode();
            v[29] = Boolean.toString(l.businessOrder());
            v[32] = "false";
            out.row(v);
        });
        out.flush();
        return out.rows();
    }
}
