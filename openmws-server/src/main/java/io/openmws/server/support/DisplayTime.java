package io.openmws.server.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates and times as the portal's pages show them, in UTC, which the pages say. */
public final class DisplayTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DisplayTime() {}

    /** {@code 2026-03-01}; {@code null} stays {@code null}. */
    public static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    /** {@code 2026-03-01 14:05 UTC}; {@code null} stays {@code null}. */
    public static String minute(Instant instant) {
        return instant == null ? null : MINUTE.format(instant);
    }
}
