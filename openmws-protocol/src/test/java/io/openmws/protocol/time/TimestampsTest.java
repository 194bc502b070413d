package io.openmws.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampsTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                arguments("JS toISOString / Java .SSS'Z'", "2020-05-28T11:22:23.514Z", "2020-05-28T11:22:23.514Z"),
                arguments("docs example, Z", "2014-04-01T21:53:02Z", "2014-04-01T21:53:02Z"),
                arguments("PHP DATE_ISO8601, offset without colon", "2016-09-21T12:00:00+0000", "2016-09-21T12:00:00Z"),
                arguments("PHP date('c'), +00:00", "2016-11-01T07:34:53+00:00", "2016-11-01T07:34:53Z"),
                arguments("PHP date('c'), -04:00", "2016-11-01T07:34:53-04:00", "2016-11-01T11:34:53Z"),
                arguments("docs example, hour-only offset -07", "2009-02-23T18:12:22.093-07", "2009-02-24T01:12:22.093Z"),
                arguments("hour-only positive offset", "2009-02-23T18:12:22+05", "2009-02-23T13:12:22Z"),
                arguments("half-hour offset without colon", "2020-01-01T05:30:00+0530", "2020-01-01T00:00:00Z"),
                arguments("no zone means UTC (python-amazon-mws)", "2020-08-24T16:30:00", "2020-08-24T16:30:00Z"),
                arguments("one fractional digit", "2020-05-28T11:22:23.5Z", "2020-05-28T11:22:23.500Z"),
                arguments("nine fractional digits", "2020-05-28T11:22:23.123456789Z", "2020-05-28T11:22:23.123456789Z"),
                arguments("fraction and no zone", "2020-05-28T11:22:23.25", "2020-05-28T11:22:23.250Z"),
                arguments("offset crossing midnight and year", "2020-12-31T23:30:00-01:00", "2021-01-01T00:30:00Z"),
                arguments("leap day", "2020-02-29T00:00:00Z", "2020-02-29T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("formats")
    void parsesEveryFormatClientsSend(String description, String text, String expectedInstant) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expectedInstant));
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                arguments(""), arguments("yesterday"), arguments("2020-05-28"), arguments("2020-05-28T11:22Z"),
                arguments("2020-05-28 11:22:23Z"), arguments("2020-05-28t11:22:23z"), arguments("2020-05-28T11:22:23.Z"),
                arguments("2020-05-28T11:22:23.1234567890Z"), arguments("2020-05-28T11:22:23+1"),
                arguments("2020-05-28T11:22:23+00:0"), arguments("2020-05-28T11:22:23ZZ"), arguments("2020-05-28T11:22:23 "),
                arguments("2020-13-28T11:22:23Z"), arguments("2019-02-29T11:22:23Z"), arguments("2020-05-28T24:00:00Z"),
                arguments("2020-05-28T11:60:23Z"), arguments("2020-05-28T11:22:23+19:00"), arguments("2020-05-28T11:22:23+05:60"),
                arguments("２020-05-28T11:22:23Z"), arguments("2020-05-28T11:22:23UTC"), arguments("1590664943"));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @MethodSource("garbage")
    void garbageIsRefusedWithAClearError(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class)
                .hasMessageContaining("imestamp");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> Timestamps.parse(null)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void formatsWithMillisecondsAndZ() {
        assertThat(Timestamps.format(Instant.parse("2020-05-28T11:22:25.398Z"))).isEqualTo("2020-05-28T11:22:25.398Z");
        assertThat(Timestamps.format(Instant.parse("2020-05-28T11:22:25Z"))).isEqualTo("2020-05-28T11:22:25.000Z");
        assertThat(Timestamps.format(Instant.parse("2020-05-28T11:22:25.398999Z"))).isEqualTo("2020-05-28T11:22:25.398Z");
    }

    @Test
    void formatsEveryInstantAsTheJdkFormatterDoes() {
        var formatter = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        var random = new java.util.Random(18);
        for (int i = 0; i < 100_000; i++) {
            // Years -2000 to 12000, any nanosecond: the direct path and the formatter's fallback.
            Instant instant = Instant.ofEpochSecond(-125_000_000_000L + (long) (random.nextDouble() * 440_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).as("%s", instant).isEqualTo(formatter.format(instant));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.001Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(Timestamps.format(instant)).as(edge).isEqualTo(formatter.format(instant));
        }
    }

    @Test
    void formatsWithOffsetLikeFeeds() {
        assertThat(Timestamps.formatWithOffset(Instant.parse("2020-06-25T13:17:18.765Z")))
                .isEqualTo("2020-06-25T13:17:18+00:00");
    }

    @Test
    void formatsSecondsWithZLikeErrorMessages() {
        assertThat(Timestamps.formatSeconds(Instant.parse("2018-09-23T10:04:57.999Z"))).isEqualTo("2018-09-23T10:04:57Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void formattedOutputParsesBackToTheSameMillisecond(String description, String text, String expectedInstant) {
        Instant parsed = Timestamps.parse(text);
        assertThat(Timestamps.parse(Timestamps.format(parsed))).isEqualTo(parsed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
