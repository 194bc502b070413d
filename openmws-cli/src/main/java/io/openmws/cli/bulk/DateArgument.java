package io.openmws.cli.bulk;

import io.openmws.cli.CliFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A date given on the command line ({@code --since}, {@code --start}, {@code --end}): an ISO date
 * ({@code 2026-01-31}, the start of that day in UTC) or date-time ({@code 2026-01-31T08:00:00Z},
 * {@code 2026-01-31T09:00+01:00}, or without an offset, read as UTC), as MWS's own dates are.
 */
final class DateArgument {

    private DateArgument() {
    }

    /**
     * Reads a date.
     *
     * @param option the option, for the message
     * @param value what was typed
     * @throws CliFailure (usage) naming the option when it is neither form
     */
    static Instant parse(String option, String value) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.endsWith("z")) {
                return Instant.parse(v.toUpperCase());
            }
            if (v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw CliFailure.usage(option, "expected an ISO date (2026-01-31, UTC) or date-time (2026-01-31T08:00:00Z);"
                    + " got '" + value + "'");
        }
    }
}
