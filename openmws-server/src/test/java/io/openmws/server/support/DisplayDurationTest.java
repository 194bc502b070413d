package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator's clock says "366 days", not {@code PT8784H} (issue 13, item 6c). */
class DisplayDurationTest {

    @Test
    void daysHoursAndMinutesInWordsWithoutTheZeroParts() {
        assertThat(DisplayDuration.of(Duration.parse("P366D"))).isEqualTo("366 days");
        assertThat(DisplayDuration.of(Duration.parse("PT8784H"))).isEqualTo("366 days");
        assertThat(DisplayDuration.of(Duration.parse("P1D"))).isEqualTo("1 day");
        assertThat(DisplayDuration.of(Duration.parse("P1DT2H"))).isEqualTo("1 day 2 hours");
        assertThat(DisplayDuration.of(Duration.parse("PT15M"))).isEqualTo("15 minutes");
        assertThat(DisplayDuration.of(Duration.parse("PT1H1M"))).isEqualTo("1 hour 1 minute");
        assertThat(DisplayDuration.of(Duration.parse("P2DT0H30M"))).isEqualTo("2 days 30 minutes");
    }

    @Test
    void secondsOnlyWhenTheDurationIsThatShort() {
        assertThat(DisplayDuration.of(Duration.parse("PT45S"))).isEqualTo("45 seconds");
        assertThat(DisplayDuration.of(Duration.parse("PT1M1S"))).isEqualTo("1 minute 1 second");
        assertThat(DisplayDuration.of(Duration.parse("P1DT1S"))).isEqualTo("1 day");
        assertThat(DisplayDuration.of(Duration.ZERO)).isEqualTo("0 seconds");
        assertThat(DisplayDuration.of(Duration.ofMillis(300))).isEqualTo("0 seconds");
    }
}
