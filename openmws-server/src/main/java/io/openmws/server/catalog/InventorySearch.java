package io.openmws.server.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What Manage Inventory is asked for, built from request parameters so that anything odd falls back to
 * the default: the search text, a status, one of the seller's marketplaces, the page and its size.
 *
 * @param q           the search text as typed (for the form); never pasted into SQL
 * @param status      {@code ACTIVE}, {@code INACTIVE}, {@code INCOMPLETE}, {@code STAGED}, or {@code null} for all
 * @param marketplace one of the seller's marketplace ids, or {@code null} for all
 * @param page        from 1
 * @param size        one of {@link #SIZES}
 */
record InventorySearch(String q, String status, String marketplace, int page, int size) {

    static final List<String> STATUSES = List.of("ACTIVE", "INACTIVE", "INCOMPLETE", "STAGED");
    static final List<Integer> SIZES = List.of(25, 50, 100);
    static final int DEFAULT_SIZE = 25;
    /** SKUs are at most 40 characters, titles 500; a longer search can only match less. */
    static final int MAX_QUERY = 500;
    /** Pages further than this are not offered: a search or a filter finds them sooner. */
    static final int MAX_PAGE = 100_000;

    static InventorySearch of(String q, String status, String marketplace, String page, String size,
                              Set<String> sellersMarketplaces) {
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            text = text.substring(0, MAX_QUERY);
        }
        String s = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        String m = marketplace == null ? null : marketplace.strip();
        int n = DEFAULT_SIZE;
        if (size != null && size.matches("\\d{1,3}") && SIZES.contains(Integer.parseInt(size))) {
            n = Integer.parseInt(size);
        }
        return new InventorySearch(text, s != null && STATUSES.contains(s) ? s : null,
                m != null && sellersMarketplaces.contains(m) ? m : null, pageOf(page), n);
    }

    private static int pageOf(String param) {
        if (param == null || !param.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(param)));
    }

    /** The search as a LIKE pattern (escape character {@code \}) for lower-cased SKUs and titles. */
    String like() {
        return "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public boolean searching() {
        return !q.isEmpty();
    }

    public boolean filtered() {
        return searching() || status != null || marketplace != null;
    }

    long offset() {
        return (long) (page - 1) * size;
    }

    /** The link to page {@code number} of this search, keeping every filter. */
    public String pageHref(int number) {
        return href(status, number);
    }

    /** The link to the first page of this search with another status ({@code null}: every status). */
    public String statusHref(String other) {
        return href(other, 1);
    }

    private String href(String withStatus, int number) {
        var uri = UriComponentsBuilder.fromPath(InventoryController.PATH);
        if (!q.isEmpty()) {
            uri.queryParam("q", q);
        }
        if (withStatus != null) {
            uri.queryParam("status", withStatus);
        }
        if (marketplace != null) {
            uri.queryParam("marketplace", marketplace);
        }
        if (size != DEFAULT_SIZE) {
            uri.queryParam("size", size);
        }
        if (number > 1) {
            uri.queryParam("page", number);
        }
        return uri.encode().build().toUriString();
    }

    public List<Integer> sizes() {
        return SIZES;
    }

    public List<String> statuses() {
        return STATUSES;
    }
}
