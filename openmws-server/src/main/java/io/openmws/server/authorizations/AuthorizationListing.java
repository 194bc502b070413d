package io.openmws.server.authorizations;

import io.openmws.server.support.ListFilter;
import java.util.List;
import java.util.Locale;

/**
 * What a long list of authorizations is asked for: the search text, the order, and the page of the
 * live section (pending and active) and of the past section (revoked and expired), each page
 * {@link #PAGE_SIZE} rows. Built from request parameters, so anything odd falls back to the default.
 *
 * @param q        the search text as typed (for the form), never pasted into SQL
 * @param filter   the search as {@link ListFilter} parts, bound as parameters
 * @param sort     the order of both sections
 * @param page     the live section's page, from 1
 * @param pastPage the past section's page, from 1
 */
record AuthorizationListing(String q, ListFilter filter, Sort sort, int page, int pastPage) {

    /** Rows per page, in each section. */
    static final int PAGE_SIZE = 50;
    /** Pages further than this are not offered: a search finds them sooner. */
    static final int MAX_PAGE = 10_000;

    /** The order of a list. */
    enum Sort {
        /** Newest authorization first; the past section: most recently ended first. */
        NEWEST("newest"),
        /** Soonest expiry first, pending ones (no expiry yet) last. */
        EXPIRY("expiry"),
        /** Latest expiry first, pending ones last. */
        EXPIRY_DESC("expiry-desc");

        final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort of(String param) {
            for (Sort s : values()) {
                if (s.param.equals(param)) {
                    return s;
                }
            }
            return NEWEST;
        }
    }

    static AuthorizationListing of(String q, String sort, String page, String pastPage) {
        String text = q == null ? "" : q.strip();
        if (text.length() > ListFilter.MAX_LENGTH) {
            text = text.substring(0, ListFilter.MAX_LENGTH);
        }
        return new AuthorizationListing(text, ListFilter.of(text), Sort.of(sort == null ? "" : sort.toLowerCase(Locale.ROOT)),
                pageOf(page), pageOf(pastPage));
    }

    private static int pageOf(String param) {
        if (param == null || !param.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(param)));
    }

    int offset(boolean live) {
        return ((live ? page : pastPage) - 1) * PAGE_SIZE;
    }

    /** All sorts, for the sort menu. */
    public List<Sort> sorts() {
        return List.of(Sort.values());
    }

    /** One page of rows, and whether another follows. */
    record Page<T>(List<T> rows, int number, boolean hasNext) {
        static <T> Page<T> of(List<T> fetched, int number) {
            boolean more = fetched.size() > PAGE_SIZE;
            return new Page<>(more ? fetched.subList(0, PAGE_SIZE) : fetched, number, more);
        }

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }
}
