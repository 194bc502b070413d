package io.openmws.server.reports;

import io.openmws.server.catalog.ListingExport;
import io.openmws.server.catalog.ListingStatus;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code _GET_MERCHANT_LISTINGS_DATA_} (the "Active Listings Report": listings for sale) and
 * {@code _GET_MERCHANT_LISTINGS_ALL_DATA_} (every listing, with a {@code status} column), in the classic 28
 * columns of mws-data-apis.md §3.3. A snapshot: the request's dates are ignored.
 *
 * <p>{@code status} is {@code Active} for a listing for sale, {@code Inactive} for one sold out, and
 * {@code Incomplete} for one without a price or a quantity. A staged listing (changed in staging mode, not
 * live) is not for sale, so it shows as {@code Inactive}, or {@code Incomplete} when it lacks a price or a
 * quantity: MWS has no fourth value, and a client must not take it for live.
 *
 * <p>Columns the platform has no data for (zShops, images, shipping options, featured placement) are empty;
 * {@code pending-quantity} too, since units in pending orders are already taken from {@code quantity}.
 * Every seller has the one default shipping template, {@code Migrated Template}.
 */
@Component
class MerchantListingsReport implements ReportGenerator {

    static final String[] HEADER = {"item-name", "item-description", "listing-id", "seller-sku", "price", "quantity",
            "open-date", "image-url", "item-is-marketplace", "product-id-type", "zshop-shipping-fee", "item-note",
            "item-condition", "zshop-category1", "zshop-browse-path", "zshop-storefront-feature", "asin1", "asin2",
            "asin3", "will-ship-internationally", "expedited-shipping", "zshop-boldface", "product-id",
            "bid-for-featured-placement", "add-delete", "pending-quantity", "fulfillment-channel",
            "merchant-shipping-group"};
    static final String[] HEADER_ALL = with(HEADER, "status");

    static final String SHIPPING_TEMPLATE = "Migrated Template";

    private final ListingExport listings;

    MerchantListingsReport(ListingExport listings) {
        this.listings = listings;
    }

    @Override
    public Set<String> reportTypes() {
        return Set.of(ReportTypes.MERCHANT_LISTINGS, ReportTypes.MERCHANT_LISTINGS_ALL);
    }

    @Override
    public long generate(ReportJob job, ReportOutput out) throws IOException {
        boolean all = ReportTypes.MERCHANT_LISTINGS_ALL.equals(job.reportType());
        out.header(all ? HEADER_ALL : HEADER);
        Set<ListingStatus> statuses = all ? EnumSet.allOf(ListingStatus.class) : EnumSet.of(ListingStatus.ACTIVE);
        Map<String, ZoneId> zones = new HashMap<>();
        String[] values = new String[all ? HEADER_ALL.length : HEADER.length];
        listings.forEach(job.accountId(), job.marketplaceIds(), statuses, l -> {
            ZoneId zone = zones.computeIfAbsent(l.marketplaceId(), ReportFormats::zoneOf);
            // An ASIN-only offer, or a product id with a type the loader has no code for, shows the ASIN.
            String typeCode = ReportFormats.productIdTypeCode(l.productIdType());
            boolean ownId = typeCode != null && l.productId() != null;
            values[0] = l.title();
            values[1] = l.description();
            values[2] = ReportFormats.listingId(l.listingRef(), l.createdAt(), zone);
            values[3] = l.sku();
            values[4] = ReportFormats.money(l.price());
            values[5] = ReportFormats.number(l.quantity());
            values[6] = ReportFormats.localDateTime(l.createdAt(), zone);
            values[8] = "y";
            values[9] = ownId ? typeCode : "1";
            values[11] = l.conditionNote();
            values[12] = ReportFormats.itemConditionCode(l.conditionType());
            values[16] = l.asin();
            values[22] = ownId ? l.productId() : l.asin();
            values[26] = "DEFAULT";
            values[27] = SHIPPING_TEMPLATE;
            if (all) {
                values[28] = status(l);
            }
            out.row(values);
        });
        out.flush();
        return out.rows();
    }

    static String status(ListingExport.Row l) {
        return switch (l.status()) {
            case ACTIVE -> "Active";
            case INACTIVE -> "Inactive";
            case INCOMPLETE -> "Incomplete";
            case STAGED -> l.price() == null || l.quantity() == null ? "Incomplete" : "Inactive";
        };
    }

    private static String[] with(String[] header, String last) {
        String[] longer = Arrays.copyOf(header, header.length + 1);
        longer[header.length] = last;
        return longer;
    }
}
