package io.openmws.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.openmws.protocol.time.TimeWindowCheck.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestTimeWindowTest {

    static final Instant NOW = Instant.parse("2020-05-28T12:00:00Z");
    static final RequestTimeWindow WINDOW = RequestTimeWindow.of(Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Arguments> timestamps() {
        return Stream.of(
                arguments("now", "2020-05-28T12:00:00Z", Status.OK),
                arguments("exactly 15 minutes old", "2020-05-28T11:45:00Z", Status.OK),
                arguments("15 minutes and 1 ms old", "2020-05-28T11:44:59.999Z", Status.TOO_OLD),
                arguments("exactly 15 minutes ahead", "2020-05-28T12:15:00Z", Status.OK),
                arguments("15 minutes and 1 ms ahead", "2020-05-28T12:15:00.001Z", Status.TOO_NEW),
                arguments("2 minutes old in PHP -0400 style", "2020-05-28T07:58:00-0400", Status.OK),
                arguments("no zone, read as UTC, 14 minutes old", "2020-05-28T11:46:00", Status.OK),
                arguments("a day old", "2020-05-27T12:00:00Z", Status.TOO_OLD),
                arguments("-07 hour-only offset one hour ahead", "2020-05-28T06:00:00-07", Status.TOO_NEW));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("timestamps")
    void timestampWindowIsFifteenMinutesInclusive(String description, String timestamp, Status expected) {
        assertThat(WINDOW.check(timestamp, null).status()).isEqualTo(expected);
    }

    @Test
    void tooOldHasTheMwsMessageWithTheDateInUtcSeconds() {
        TimeWindowCheck check = WINDOW.check("2018-09-23T10:04:57.123+00:00", null);

        assertThat(check.message()).isEqualTo(
                "Request signature is too far in the past and has expired. Timestamp date: 2018-09-23T10:04:57Z");
    }

    @Test
    void tooNewHasTheMwsMessage() {
        TimeWindowCheck ahead = WINDOW.check("2020-05-28T13:00:00Z", null);
        assertThat(ahead.message()).startsWith("Request signature is too far in the future")
                .endsWith("Timestamp date: 2020-05-28T13:00:00Z");
    }

    @Test
    void okHasNoMessageAndTheParsedTime() {
        TimeWindowCheck check = WINDOW.check("2020-05-28T12:01:00Z", null);

        assertThat(check.isOk()).isTrue();
        assertThat(check.message()).isEmpty();
        assertThat(check.requestTime()).contains(Instant.parse("2020-05-28T12:01:00Z"));
    }

    static Stream<Arguments> expires() {
        return Stream.of(
                arguments("an hour ahead", "2020-05-28T13:00:00Z", Status.OK),
                arguments("a week ahead (no upper bound)", "2020-06-04T12:00:00Z", Status.OK),
                arguments("exactly now", "2020-05-28T12:00:00Z", Status.OK),
                arguments("1 ms ago", "2020-05-28T11:59:59.999Z", Status.EXPIRED));
    }

    @ParameterizedTest(name = "Expires {0}: {2}")
    @MethodSource("expires")
    void expiresRefusesOnlyOncePassed(String description, String expires, Status expected) {
        assertThat(WINDOW.check(null, expires).status()).isEqualTo(expected);
    }

    @Test
    void expiredHasAMessageWithTheDate() {
        assertThat(WINDOW.check(null, "2020-05-28T11:00:00Z").message()).contains("2020-05-28T11:00:00Z");
    }

    @Test
    void timestampAndExpiresTogetherAreRefused() {
        TimeWindowCheck check = WINDOW.check("2020-05-28T12:00:00Z", "2020-05-28T13:00:00Z");

        assertThat(check.status()).isEqualTo(Status.TIMESTAMP_AND_EXPIRES);
        assertThat(check.message()).contains("Timestamp").contains("Expires");
    }

    @Test
    void neitherTimestampNorExpiresIsItsOwnResult() {
        TimeWindowCheck check = WINDOW.check(null, null);

        assertThat(check.status()).isEqualTo(Status.MISSING);
        assertThat(check.parameterName()).contains("Timestamp");
    }

    @Test
    void malformedTimestampNamesTheParameterAndValue() {
        TimeWindowCheck check = WINDOW.check("yesterday", null);

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.parameterName()).contains("Timestamp");
        assertThat(check.message()).contains("yesterday").contains("Timestamp");
        assertThat(WINDOW.check(null, "soon").parameterName()).contains("Expires");
    }

    @Test
    void theWindowFollowsTheClockItIsGiven() {
        Clock later = Clock.offset(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

        assertThat(RequestTimeWindow.of(later).check("2020-05-28T12:00:00Z", null).status()).isEqualTo(Status.TOO_OLD);
        assertThat(RequestTimeWindow.of(later).check("2020-05-28T13:10:00Z", null).status()).isEqualTo(Status.OK);
    }

    @Test
    void aCustomToleranceIsHonoured() {
        RequestTimeWindow tight = RequestTimeWindow.of(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));

        assertThat(tight.check("2020-05-28T12:00:01Z", null).isOk()).isTrue();
        assertThat(tight.check("2020-05-28T12:00:01.001Z", null).status()).isEqualTo(Status.TOO_NEW);
    }
}
