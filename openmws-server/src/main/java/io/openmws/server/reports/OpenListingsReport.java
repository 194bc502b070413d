package io.openmws.server.reports;

import io.openmws.server.catalog.ListingExport;
import io.openmws.server.catalog.ListingStatus;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code _GET_FLAT_FILE_OPEN_LISTINGS_DATA_}, the "Inventory Report" (mws-data-apis.md §3.3):
 * {@code sku asin price quantity} for each open listing, that is every live one, for sale or sold out
 * (quantity 0). Incomplete and staged listings are not open. A snapshot: the request's dates are ignored.
 */
@Component
class OpenListingsReport implements ReportGenerator {

    static final String[] HEADER = {"sku", "asin", "price", "quantity"};

    private static final Set<ListingStatus> OPEN = EnumSet.of(ListingStatus.ACTIVE, ListingStatus.INACTIVE);

    private final ListingExport listings;

    OpenListingsReport(ListingExport listings) {
        this.listings = listings;
    }

    @Override
    public Set<String> reportTypes() {
        return Set.of(ReportTypes.OPEN_LISTINGS);
    }

    @Override
    public long generate(ReportJob job, ReportOutput out) throws IOException {
        out.header(HEADER);
        listings.forEach(job.accountId(), job.marketplaceIds(), OPEN, l -> out.row(l.sku(), l.asin(),
                ReportFormats.money(l.price()), ReportFormats.number(l.quantity())));
        out.flush();
        return out.rows();
    }
}
