package io.openmws.server.developers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Developer Central shows them: to the minute, in UTC, which the page says. */
final class DisplayTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private DisplayTime() {}

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
