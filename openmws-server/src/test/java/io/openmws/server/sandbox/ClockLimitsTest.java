package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import io.openmws.server.testing.PortalClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The clock moves within the platform's supported dates only: further is a 400, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ClockLimitsTest {

    static final String TOKEN = "clock-limits-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    PlatformClock clock;

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    JsonClient.Response advance(String duration) {
        return control().post("/sandbox/v1/clock/advance", "{\"duration\":\"" + duration + "\"}");
    }

    @Test
    void aBillionDaysIsRefusedNamingTheLimitAndTheClockStays() {
        Duration before = clock.offset();

        JsonClient.Response refused = advance("P999999999D");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asString()).isEqualTo("InvalidInput");
        assertThat(refused.json().get("message").asString()).contains("3000-01-01T00:00:00Z");
        assertThat(clock.offset()).isEqualTo(before);
        assertThat(control().get("/sandbox/v1/clock").json().get("offset").asString()).isEqualTo(before.toString());
    }

    @Test
    void durationsTooLargeForJavaTimeAreA400NotA500() {
        Duration before = clock.offset();
        for (String huge : new String[] {"PT9999999999999999H", "P9999999999999D", "P99999999999D",
            "PT9223372036854775807S"}) {
            JsonClient.Response refused = advance(huge);
            assertThat(refused.status()).as(huge + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("error").asString()).isEqualTo("InvalidInput");
        }
        assertThat(clock.offset()).isEqualTo(before);
    }

    @Test
    void aStepThatWouldPassTheLimitIsRefusedWhileOneBeforeItIsFine() {
        assertThat(advance("P1D").status()).isEqualTo(200);

        // Bring the platform to ten days before the limit, in one step the API accepts.
        Duration toNearLimit = Duration.between(clock.instant(), PlatformClock.LIMIT).minusDays(10);
        JsonClient.Response near = advance(toNearLimit.toString());
        assertThat(near.status()).as(near.body()).isEqualTo(200);
        assertThat(Instant.parse(near.json().get("now").asString())).isBefore(PlatformClock.LIMIT);

        JsonClient.Response past = advance("P11D");
        assertThat(past.status()).as(past.body()).isEqualTo(400);
        assertThat(past.json().get("message").asString()).contains("3000-01-01T00:00:00Z");
        assertThat(advance("P1D").status()).isEqualTo(200);

        // The operator page says the same on its form, not with a 500.
        PortalClient operator = new PortalClient(port);
        assertThat(operator.submit("/operator/login", "/operator/login", "token", TOKEN).status()).isEqualTo(302);
        Duration offset = clock.offset();
        PortalClient.Page page = operator.submit("/operator/clock", "/operator/clock/advance", "duration", "P366D");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("The platform clock stays before 3000-01-01 00:00 UTC");
        assertThat(clock.offset()).isEqualTo(offset);
    }
}
