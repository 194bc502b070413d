package io.openmws.server.reports;

import io.openmws.server.orders.OrderExport;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code _GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_}, the "Unshipped Orders Report" (mws-data-apis.md §3.3):
 * one row per order line with units still to ship, of the seller's {@code Unshipped} and
 * {@code PartiallyShipped} orders in the request's marketplaces, oldest first. A snapshot at the time
 * generation starts: the request's dates are ignored.
 *
 * <p>{@code payments-date} and {@code reporting-date} are when the payment check cleared the order (from
 * then on it is the seller's to ship); {@code promise-date} is the latest ship date, and
 * {@code days-past-promise} the whole days from it to the report's time (negative while it is ahead).
 */
@Component
class ActionableOrdersReport implements ReportGenerator {

    static final String[] HEADER = {"order-id", "order-item-id", "purchase-date", "payments-date", "reporting-date",
            "promise-date", "days-past-promise", "buyer-email", "buyer-name", "buyer-phone-number", "sku",
            "product-name", "quantity-purchased", "quantity-shipped", "quantity-to-ship", "ship-service-level",
            "recipient-name", "ship-address-1", "ship-address-2", "ship-address-3", "ship-city", "ship-state",
            "ship-postal-code", "ship-country", "is-business-order", "purchase-order-number", "price-designation"};

    private final OrderExport orders;

    ActionableOrdersReport(OrderExport orders) {
        this.orders = orders;
    }

    @Override
    public Set<String> reportTypes() {
        return Set.of(ReportTypes.ACTIONABLE_ORDERS);
    }

    @Override
    public long generate(ReportJob job, ReportOutput out) throws IOException {
        out.header(HEADER);
        String[] v = new String[HEADER.length];
        orders.forEachLineToShip(job.accountId(), job.marketplaceIds(), l -> {
            v[0] = l.amazonOrderId();
            v[1] = l.orderItemId();
            v[2] = ReportFormats.iso(l.purchaseDate());
            v[3] = ReportFormats.iso(l.paymentsDate());
            v[4] = ReportFormats.iso(l.paymentsDate());
            v[5] = ReportFormats.iso(l.latestShipDate());
            v[6] = Long.toString(Duration.between(l.latestShipDate(), job.now()).toDays());
            v[7] = l.buyerEmail();
            v[8] = l.buyerName();
            v[9] = l.shipPhone();
            v[10] = l.sku();
            v[11] = l.title();
            v[12] = Integer.toString(l.quantityOrdered());
            v[13] = Integer.toString(l.quantityShipped());
            v[14] = Integer.toString(l.quantityOrdered() - l.quantityShipped());
            v[15] = l.shipmentServiceLevelCategory();
            v[16] = l.shipName();
            v[17] = l.shipAddressLine1();
            v[18] = l.shipAddressLine2();
            v[19] = l.shipAddressLine3();
            v[20] = l.shipCity();
            v[21] = l.shipStateOrRegion();
            v[22] = l.shipPostalCode();
            v[23] = l.shipCountryCode();
            v[24] = Boolean.toString(l.businessOrder());
            out.row(v);
        });
        out.flush();
        return out.rows();
    }
}
