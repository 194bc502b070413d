package io.openmws.server.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report types the platform generates (mws-data-apis.md §3.3), what each is about and what may be
 * done with it: listings reports are snapshots (their dates are ignored), order reports cover
 * {@code StartDate}..{@code EndDate} and can be scheduled, the settlement report is produced by the
 * platform alone at the close of each settlement period.
 */
public final class ReportTypes {

    /** What a report is about; also the Seller Central page that lists it. */
    public enum Category {
        /** Reports > Inventory Reports. */
        INVENTORY,
        /** Reports > Order Reports. */
        ORDERS,
        /** Reports > Payments. */
        PAYMENTS
    }

    /**
     * One report type.
     *
     * @param name        the {@code ReportType} value, e.g. {@code _GET_MERCHANT_LISTINGS_DATA_}
     * @param title       its name on Seller Central's pages
     * @param category    what it is about
     * @param requestable whether RequestReport (and the portal) may ask for it
     * @param schedulable whether ManageReportSchedule may schedule it
     * @param dated       whether StartDate/EndDate choose its rows (false: a snapshot of now)
     */
    public record ReportType(String name, String title, Category category, boolean requestable,
                             boolean schedulable, boolean dated) {}

    public static final String MERCHANT_LISTINGS = "_GET_MERCHANT_LISTINGS_DATA_";
    public static final String MERCHANT_LISTINGS_ALL = "_GET_MERCHANT_LISTINGS_ALL_DATA_";
    public static final String OPEN_LISTINGS = "_GET_FLAT_FILE_OPEN_LISTINGS_DATA_";
    public static final String ALL_ORDERS_BY_ORDER_DATE = "_GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_";
    public static final String ACTIONABLE_ORDERS = "_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_";
    public static final String SETTLEMENT = "_GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_";

    private static final Map<String, ReportType> TYPES = new LinkedHashMap<>();

    static {
        add(new ReportType(MERCHANT_LISTINGS, "Active Listings Report", Category.INVENTORY, true, false, false));
        add(new ReportType(MERCHANT_LISTINGS_ALL, "All Listings Report", Category.INVENTORY, true, false, false));
        add(new ReportType(OPEN_LISTINGS, "Inventory Report", Category.INVENTORY, true, false, false));
        add(new ReportType(ALL_ORDERS_BY_ORDER_DATE, "All Orders Report", Category.ORDERS, true, true, true));
        add(new ReportType(ACTIONABLE_ORDERS, "Unshipped Orders Report", Category.ORDERS, true, true, false));
        add(new ReportType(SETTLEMENT, "Settlement Report", Category.PAYMENTS, false, false, true));
    }

    private ReportTypes() {}

    private static void add(ReportType type) {
        TYPES.put(type.name(), type);
    }

    /** The type of that name, if the platform generates it. */
    public static Optional<ReportType> byName(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(name));
    }

    /** Every type, in the order above. */
    public static List<ReportType> all() {
        return List.copyOf(TYPES.values());
    }

    /** The types of one category, in the order above. */
    public static List<ReportType> of(Category category) {
        return TYPES.values().stream().filter(t -> t.category() == category).toList();
    }
}
