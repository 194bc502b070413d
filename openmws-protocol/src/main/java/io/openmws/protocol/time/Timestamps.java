package io.openmws.protocol.time;

import io.openmws.protocol.Text;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code Timestamp} formats of MWS ({@code docs/protocol.md} §4).
 *
 * <p>{@link #parse(String)} accepts {@code yyyy-MM-ddTHH:mm:ss}, optionally followed by a fraction of
 * 1 to 9 digits, optionally followed by a zone: {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or
 * {@code ±HH} (as in the docs' {@code 2009-02-23T18:12:22.093-07}). No zone means UTC, as
 * python-amazon-mws intends. Anything else (lowercase {@code t}/{@code z}, a space for {@code T},
 * missing seconds, trailing text) is refused.
 *
 * <p>Two output styles: {@link #format(Instant)} ({@code 2020-05-28T11:22:25.398Z}, used in most
 * responses) and {@link #formatWithOffset(Instant)} ({@code 2020-06-25T13:17:18+00:00}, Feeds'
 * {@code SubmittedDate} and friends).
 */
public final class Timestamps {

    private static final DateTimeFormatter MILLIS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS_Z =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Parses a timestamp in any format MWS clients send.
     *
     * @param text the decoded parameter value
     * @return the instant
     * @throws DateTimeParseException when the text is not one of the accepted forms, or names an
     *     impossible date, time or offset
     */
    public static Instant parse(String text) {
        if (text == null) {
            throw new DateTimeParseException("No timestamp given", "", 0);
        }
        int n = text.length();
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw malformed(text, 0);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int i = 19;
        int nanos = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len < 1 || len > 9) {
                throw malformed(text, start);
            }
            nanos = digits(text, start, len);
            for (int k = len; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        try {
            offset = parseOffset(text, i);
        } catch (DateTimeParseException e) {
            throw e;
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Invalid zone offset in timestamp '" + Text.abbreviate(text, 64) + "': "
                    + e.getMessage(), text, i, e);
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
            throw malformed(text, 0);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("Impossible date or time in timestamp '" + Text.abbreviate(text, 64) + "': "
                    + e.getMessage(), text, 0, e);
        }
    }

    private static ZoneOffset parseOffset(String text, int i) {
        int n = text.length();
        if (i == n) {
            return ZoneOffset.UTC;
        }
        char c = text.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            throw malformed(text, i);
        }
        int sign = c == '+' ? 1 : -1;
        int rest = n - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(text, i + 1, 2);
        } else if (rest == 4) {
            hours = digits(text, i + 1, 2);
            minutes = digits(text, i + 3, 2);
        } else if (rest == 5 && text.charAt(i + 3) == ':') {
            hours = digits(text, i + 1, 2);
            minutes = digits(text, i + 4, 2);
        } else {
            throw malformed(text, i);
        }
        if (hours < 0 || minutes < 0) {
            throw malformed(text, i);
        }
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The digits at {@code text[from, from+len)} as a number, or -1 when one is not an ASCII digit. */
    private static int digits(String text, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = text.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DateTimeParseException malformed(String text, int index) {
        return new DateTimeParseException("Timestamp '" + Text.abbreviate(text, 64) + "' is not an ISO 8601 date-time;"
                + " send UTC like 2020-05-28T11:22:23.514Z", text, index);
    }


    /**
     * Formats like MWS responses: UTC, milliseconds, {@code Z}, e.g. {@code 2020-05-28T11:22:25.398Z}.
     * Sub-millisecond digits are truncated.
     *
     * @param instant the instant
     * @return the text
     */
    public static String format(Instant instant) {
        // Every MWS answer carries one (x-mws-timestamp), so the common years are written directly:
        // the formatter's general machinery was a thirtieth of a signed call. Others take the formatter.
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return MILLIS_Z.format(instant);
        }
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano() / 1_000_000, 3);
        return new String(c);
    }

    /** Writes {@code value} as {@code width} decimal digits ending at {@code at + width}. */
    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Formats like Feeds dates: UTC, whole seconds, {@code +00:00}, e.g. {@code 2020-06-25T13:17:18+00:00}.
     * Fractions of a second are truncated.
     *
     * @param instant the instant
     * @return the text
     */
    public static String formatWithOffset(Instant instant) {
        return SECONDS_OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Formats as the {@code RequestExpired} messages show dates: UTC, whole seconds, {@code Z}, e.g.
     * {@code 2018-09-23T10:04:57Z}.
     *
     * @param instant the instant
     * @return the text
     */
    public static String formatSeconds(Instant instant) {
        return SECONDS_Z.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
