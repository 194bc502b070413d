package io.openmws.protocol.throttle;

import io.openmws.protocol.ApiSection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-operation throttle table of {@code docs/protocol.md} §6, as data.
 *
 * <ul>
 *   <li>Sellers {@code ListMarketplaceParticipations}, Orders {@code ListOrders} and
 *       {@code ListOrderItems} share their bucket with their {@code ByNextToken} operation, as the
 *       documentation says ("together share").</li>
 *   <li>Feeds and Reports {@code ByNextToken} operations have their own, larger bucket and hourly
 *       quota.</li>
 *   <li>Finances {@code ListFinancialEvents} and {@code ListFinancialEventGroups} each share with
 *       their {@code ByNextToken} operation (the data spec marks this unconfirmed; it is what the
 *       Finances pages say and matches Orders and Sellers).</li>
 *   <li>{@code GetServiceStatus} is 2 / 1 per 5 minutes in every section, one bucket per section.</li>
 *   <li>Products is absent apart from {@code GetServiceStatus}: its throttling restores per
 *       <em>item</em> (5 or 10 items a second) rather than per request, and its hourly quotas are
 *       unconfirmed, so it does not fit {@link ThrottleSpec}.</li>
 *   <li>Reports {@code GetReportScheduleListByNextToken} is absent: it is documented as never
 *       callable (the list holds at most 100).</li>
 * </ul>
 *
 * <p>Lookups match the action name exactly (MWS action names are case-sensitive).
 */
public final class ThrottleSpecs {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final Duration FORTY_FIVE_SECONDS = Duration.ofSeconds(45);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static final ThrottleSpec SERVICE_STATUS = ThrottleSpec.of(2, FIVE_MINUTES);
    private static final ThrottleSpec FEEDS_REPORTS_LISTING = ThrottleSpec.of(10, FORTY_FIVE_SECONDS, 80);
    private static final ThrottleSpec BY_NEXT_TOKEN_OWN_BUCKET = ThrottleSpec.of(30, TWO_SECONDS, 1800);
    private static final ThrottleSpec FINANCES_LISTING = ThrottleSpec.of(30, TWO_SECONDS, 1800);

    // "EEE MMM dd HH:mm:ss zzz yyyy" in UTC, as java.util.Date#toString renders it; the zone is
    // written literally so the output does not depend on locale data for zone names.
    private static final DateTimeFormatter RESET_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneId.of("UTC"));

    private static final List<OperationThrottle> ALL;
    private static final Map<ApiSection, Map<String, OperationThrottle>> BY_OPERATION;

    static {
        Table t = new Table();

        t.group(ApiSection.SELLERS, ThrottleSpec.of(15, ONE_MINUTE),
                "ListMarketplaceParticipations", "ListMarketplaceParticipationsByNextToken");

        t.group(ApiSection.ORDERS, ThrottleSpec.of(6, ONE_MINUTE), "ListOrders", "ListOrdersByNextToken");
        t.group(ApiSection.ORDERS, ThrottleSpec.of(6, ONE_MINUTE), "GetOrder");
        t.group(ApiSection.ORDERS, ThrottleSpec.of(30, TWO_SECONDS), "ListOrderItems", "ListOrderItemsByNextToken");

        t.each(ApiSection.FEEDS, ThrottleSpec.of(15, TWO_MINUTES, 30), "SubmitFeed");
        t.each(ApiSection.FEEDS, FEEDS_REPORTS_LISTING,
                "GetFeedSubmissionList", "GetFeedSubmissionCount", "CancelFeedSubmissions");
        t.each(ApiSection.FEEDS, ThrottleSpec.of(15, ONE_MINUTE, 60), "GetFeedSubmissionResult");
        t.each(ApiSection.FEEDS, BY_NEXT_TOKEN_OWN_BUCKET, "GetFeedSubmissionListByNextToken");

        t.each(ApiSection.REPORTS, ThrottleSpec.of(15, ONE_MINUTE, 60), "RequestReport", "GetReport");
        t.each(ApiSection.REPORTS, ThrottleSpec.of(10, ONE_MINUTE, 60), "GetReportList");
        t.each(ApiSection.REPORTS, FEEDS_REPORTS_LISTING,
                "GetReportRequestList", "GetReportRequestCount", "CancelReportRequests", "GetReportCount",
                "ManageReportSchedule", "GetReportScheduleList", "GetReportScheduleCount",
                "UpdateReportAcknowledgements");
        t.each(ApiSection.REPORTS, BY_NEXT_TOKEN_OWN_BUCKET,
                "GetReportRequestListByNextToken", "GetReportListByNextToken");

        t.group(ApiSection.FINANCES, FINANCES_LISTING, "ListFinancialEvents", "ListFinancialEventsByNextToken");
        t.group(ApiSection.FINANCES, FINANCES_LISTING,
                "ListFinancialEventGroups", "ListFinancialEventGroupsByNextToken");

        for (ApiSection section : ApiSection.values()) {
            t.each(section, SERVICE_STATUS, "GetServiceStatus");
        }

        ALL = List.copyOf(t.rows);
        Map<ApiSection, Map<String, OperationThrottle>> index = new LinkedHashMap<>();
        for (OperationThrottle row : ALL) {
            OperationThrottle previous =
                    index.computeIfAbsent(row.section(), s -> new LinkedHashMap<>()).put(row.action(), row);
            if (previous != null) {
                throw new IllegalStateException("duplicate throttle row for " + row.group());
            }
        }
        index.replaceAll((section, rows) -> Collections.unmodifiableMap(rows));
        BY_OPERATION = Collections.unmodifiableMap(index);
    }

    private ThrottleSpecs() {
    }

    /** Every row of the table, sections in the order above, {@code GetServiceStatus} rows last. */
    public static List<OperationThrottle> all() {
        return ALL;
    }

    /**
     * The limits of an operation's bucket.
     *
     * @return the spec, or empty for an operation the table does not cover
     */
    public static Optional<ThrottleSpec> forOperation(ApiSection section, String action) {
        return operation(section, action).map(OperationThrottle::spec);
    }

    /**
     * The full row of an operation: its group and spec.
     *
     * @return the row, or empty for an operation the table does not cover
     */
    public static Optional<OperationThrottle> operation(ApiSection section, String action) {
        Objects.requireNonNull(section, "section");
        Map<String, OperationThrottle> rows = BY_OPERATION.get(section);
        if (rows == null || action == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(rows.get(action));
    }

    /**
     * The bucket an operation draws from; operations that share a bucket return equal groups.
     *
     * @return the group, or empty for an operation the table does not cover
     */
    public static Optional<ThrottleGroup> groupOf(ApiSection section, String action) {
        return operation(section, action).map(OperationThrottle::group);
    }

    /**
     * Whether responses to this operation carry the {@code x-mws-quota-*} headers: only operations
     * with an hourly quota do, except Finances, which lists an hourly quota but was seen sending no
     * quota headers.
     */
    public static boolean sendsQuotaHeaders(ApiSection section, String action) {
        return section != ApiSection.FINANCES
                && forOperation(section, action).map(ThrottleSpec::hasHourlyQuota).orElse(false);
    }

    /**
     * The message of a {@code QuotaExceeded} error, exactly as real MWS worded it (two spaces before
     * "Your"):
     * {@code You exceeded your quota of 80.0 requests per 1 hour for operation
     * Feeds/2009-01-01/GetFeedSubmissionList.  Your quota will reset on Thu Dec 18 07:39:00 UTC 2014}.
     *
     * @param spec the operation's spec; must have an hourly quota
     * @param section the operation's section, for its name and version
     * @param action the operation's action name
     * @param resetsOn when the caller's current hourly window ends
     * @throws IllegalArgumentException if {@code spec} has no hourly quota
     */
    public static String quotaExceededMessage(ThrottleSpec spec, ApiSection section, String action,
            Instant resetsOn) {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resetsOn, "resetsOn");
        int hourly = spec.hourlyQuota().orElseThrow(() -> new IllegalArgumentException(
                section.sectionName() + "/" + action + " has no hourly quota to exceed"));
        return "You exceeded your quota of " + QuotaHeaders.formatCount(hourly)
                + " requests per 1 hour for operation " + section.sectionName() + "/" + section.version() + "/"
                + action + ".  Your quota will reset on " + RESET_DATE.format(resetsOn);
    }

    /** Collects the rows while the table is built. */
    private static final class Table {
        private final List<OperationThrottle> rows = new ArrayList<>();

        /** Operations that share one bucket, named after the first (the parent). */
        void group(ApiSection section, ThrottleSpec spec, String parent, String... sharing) {
            ThrottleGroup group = new ThrottleGroup(section, parent);
            rows.add(new OperationThrottle(section, parent, group, spec));
            for (String action : sharing) {
                rows.add(new OperationThrottle(section, action, group, spec));
            }
        }

        /** Operations with the same limits, each with a bucket of its own. */
        void each(ApiSection section, ThrottleSpec spec, String... actions) {
            for (String action : actions) {
                group(section, spec, action);
            }
        }
    }
}
