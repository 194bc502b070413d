package io.openmws.server.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A duration as people read it: {@code 366 days}, {@code 1 day 2 hours}, {@code 15 minutes}, never
 * ISO-8601's {@code PT8784H}. Days are 24 hours (as {@link Duration} counts them); parts that are zero
 * are left out, and seconds only show when they are all there is below a minute's precision.
 */
public final class DisplayDuration {

    private DisplayDuration() {}

    public static String of(Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.isNegative()) {
            return "-" + of(duration.negated());
        }
        List<String> parts = new ArrayList<>(3);
        add(parts, duration.toDays(), "day");
        add(parts, duration.toHoursPart(), "hour");
        add(parts, duration.toMinutesPart(), "minute");
        if (parts.isEmpty() || duration.toDays() == 0 && duration.toHoursPart() == 0 && duration.toSecondsPart() != 0) {
            add(parts, duration.toSecondsPart(), "second");
        }
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }

    private static void add(List<String> parts, long count, String unit) {
        if (count != 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }
}
