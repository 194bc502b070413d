package io.openmws.protocol.throttle;

/**
 * The {@code x-mws-quota-*} response headers, sent only on operations with an hourly quota (see
 * {@link ThrottleSpecs#sendsQuotaHeaders}). Real MWS wrote the counts as decimals, {@code 80.0}.
 */
public final class QuotaHeaders {

    /** The hourly quota, e.g. {@code 80.0}. */
    public static final String MAX = "x-mws-quota-max";

    /** What is left of the hourly quota in the current window, e.g. {@code 79.0}. */
    public static final String REMAINING = "x-mws-quota-remaining";

    /** When the current window ends, as an ISO 8601 UTC timestamp. */
    public static final String RESETS_ON = "x-mws-quota-resetsOn";

    private QuotaHeaders() {
    }

    /**
     * A request count in the style of the quota headers and the {@code QuotaExceeded} message:
     * {@code 80} becomes {@code 80.0}.
     *
     * @param count a count of requests, not negative
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public static String formatCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a request count cannot be negative, was " + count);
        }
        return count + ".0";
    }
}
