package io.openmws.server.orders;

import io.openmws.protocol.ids.AmazonOrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What Manage Orders is asked for, built from request parameters: the search text, a status, a
 * purchase date range, one of the seller's marketplaces, the page size and the keyset position.
 * An odd status, marketplace or size falls back to the default; a date that is not a date, or a range
 * that ends before it starts, is named in {@link #dateError()} and not applied, so the seller sees why.
 *
 * @param q           the search text as typed (for the form); never pasted into SQL
 * @param status      one of {@link #STATUSES}, or {@code null} for all
 * @param from        the first purchase date (UTC) as typed, or {@code ""}
 * @param to          the last purchase date (UTC, inclusive) as typed, or {@code ""}
 * @param marketplace one of the seller's marketplace ids, or {@code null} for all
 * @param size        one of {@link #SIZES}
 * @param before      an order id of the seller: the page shows the orders older than it; or {@code null}
 * @param after       an order id of the seller: the page shows the orders newer than it; or {@code null}
 * @param dateError   the message key of what is wrong with the dates, or {@code null}
 */
record OrderSearch(String q, String status, String from, String to, String marketplace, int size, String before,
                   String after, String dateError) {

    /** The statuses the platform's orders take, in the order of their life. */
    static final List<String> STATUSES = List.of("Pending", "Unshipped", "PartiallyShipped", "Shipped", "Canceled");
    static final List<Integer> SIZES = List.of(25, 50, 100);
    static final int DEFAULT_SIZE = 25;
    /** Order ids are 19 characters, SKUs 40, buyer names 200; a longer search can only match less. */
    static final int MAX_QUERY = 200;

    static OrderSearch of(String q, String status, String from, String to, String marketplace, String size,
                          String before, String after, Set<String> sellersMarketplaces) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        String s = status == null ? null : STATUSES.stream().filter(known -> known.equalsIgnoreCase(status.strip()))
                .findFirst().orElse(null);
        String m = marketplace == null ? null : marketplace.strip();
        int n = DEFAULT_SIZE;
        if (size != null && size.matches("\\d{1,3}") && SIZES.contains(Integer.parseInt(size))) {
            n = Integer.parseInt(size);
        }
        String f = from == null ? "" : from.strip();
        String t = to == null ? "" : to.strip();
        String error = null;
        LocalDate first = date(f);
        LocalDate last = date(t);
        if ((!f.isEmpty() && first == null) || (!t.isEmpty() && last == null)) {
            error = "orders.error.date";
        } else if (first != null && last != null && first.isAfter(last)) {
            error = "orders.error.range";
        }
        return new OrderSearch(text, s, f, t, m != null && sellersMarketplaces.contains(m) ? m : null, n,
                cursor(before), before != null && AmazonOrderId.isValid(before.strip()) ? null : cursor(after),
                error);
    }

    private static String cursor(String param) {
        return param != null && AmazonOrderId.isValid(param.strip()) ? param.strip() : null;
    }

    private static LocalDate date(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The start of the first day, or {@code null} when there is no (valid) first day. */
    Instant purchasedFrom() {
        LocalDate first = dateError == null ? date(from) : null;
        return first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the day after the last one, or {@code null} when there is no (valid) last day. */
    Instant purchasedUntil() {
        LocalDate last = dateError == null ? date(to) : null;
        return last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The search as a LIKE pattern (escape character {@code \}) for lower-cased ids, SKUs and names. */
    String like() {
        return "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public boolean searching() {
        return !q.isEmpty();
    }

    public boolean filtered() {
        return searching() || status != null || !from.isEmpty() || !to.isEmpty() || marketplace != null;
    }

    /** Whether this is the first (newest) page. */
    public boolean newest() {
        return before == null && after == null;
    }

    /** The first page of this search with another status ({@code null}: every status). */
    public String statusHref(String other) {
        return href(other, null, null);
    }

    /** The page of the orders older than {@code amazonOrderId}, keeping every filter. */
    public String olderHref(String amazonOrderId) {
        return href(status, amazonOrderId, null);
    }

    /** The page of the orders newer than {@code amazonOrderId}, keeping every filter. */
    public String newerHref(String amazonOrderId) {
        return href(status, null, amazonOrderId);
    }

    /** The newest page of this search. */
    public String newestHref() {
        return href(status, null, null);
    }

    private String href(String withStatus, String olderThan, String newerThan) {
        var uri = UriComponentsBuilder.fromPath(ManageOrdersController.PATH);
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        if (withStatus != null) {
            uri.queryParam("status", withStatus);
        }
        if (!from.isEmpty()) {
            uri.queryParam("from", from);
        }
        if (!to.isEmpty()) {
            uri.queryParam("to", to);
        }
        if (marketplace != null) {
            uri.queryParam("marketplace", marketplace);
        }
        if (size != DEFAULT_SIZE) {
            uri.queryParam("size", size);
        }
        if (olderThan != null) {
            uri.queryParam("before", olderThan);
        }
        if (newerThan != null) {
            uri.queryParam("after", newerThan);
        }
        return uri.encode().build().toUriString();
    }

    public List<Integer> sizes() {
        return SIZES;
    }
}
