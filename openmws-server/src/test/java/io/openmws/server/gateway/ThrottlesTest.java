package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.ApiSection;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.TestDatabases;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The throttle numbers of operations with hourly quotas (Feeds, Reports), taken through the real
 * buckets on the platform clock, before those sections have operations of their own to call.
 */
@SpringBootTest
class ThrottlesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    PlatformClock clock;

    @Autowired
    DataSource dataSource;

    Throttles throttles() {
        return new Throttles(clock, dataSource, "memory");
    }

    @Test
    void submitFeedHasABurstOfFifteenThenOneEveryTwoMinutesAndThirtyAnHour() {
        Throttles throttles = throttles();
        String seller = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        for (int i = 1; i <= 15; i++) {
            Throttles.Verdict v = throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed");
            long expectedRemaining = 30 - i;
            assertThat(v.refusal()).as("call " + i).isEmpty();
            assertThat(v.quota()).hasValueSatisfying(q -> {
                assertThat(q.max()).isEqualTo(30);
                assertThat(q.remaining()).isEqualTo(expectedRemaining);
            });
        }
        Throttles.Verdict sixteenth = throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed");
        assertThat(sixteenth.refusal()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("RequestThrottled"));
        assertThat(sixteenth.quota()).hasValueSatisfying(q -> assertThat(q.remaining()).isEqualTo(15));

        clock.advance(Duration.ofMinutes(2));
        assertThat(throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed").refusal()).isEmpty();
        assertThat(throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed").refusal()).isPresent();

        // 14 more, two minutes apart, bring the hour to its 30; the 31st within the hour is QuotaExceeded.
        for (int i = 0; i < 14; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertThat(throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed").refusal()).isEmpty();
        }
        clock.advance(Duration.ofMinutes(2));
        Throttles.Verdict over = throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed");
        assertThat(over.refusal()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo("QuotaExceeded");
            assertThat(e.message()).startsWith("You exceeded your quota of 30.0 requests per 1 hour for operation "
                    + "Feeds/2009-01-01/SubmitFeed.  Your quota will reset on ");
        });
        assertThat(over.quota()).hasValueSatisfying(q -> {
            assertThat(q.remaining()).isZero();
            assertThat(q.resetsOn()).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofHours(1)));
        });

        clock.advance(Duration.ofHours(1));
        Throttles.Verdict nextHour = throttles.take(seller, "123456789012", ApiSection.FEEDS, "SubmitFeed");
        assertThat(nextHour.refusal()).isEmpty();
        assertThat(nextHour.quota()).hasValueSatisfying(q -> assertThat(q.remaining()).isEqualTo(29));
    }

    @Test
    void quotaHeadersGoOnlyWithHourlyQuotasAndNotWithFinances() {
        Throttles throttles = throttles();
        String seller = "AHEADERS" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();

        assertThat(throttles.take(seller, "1", ApiSection.REPORTS, "GetReportList").quota())
                .hasValueSatisfying(q -> assertThat(q.max()).isEqualTo(60));
        assertThat(throttles.take(seller, "1", ApiSection.FEEDS, "GetFeedSubmissionList").quota())
                .hasValueSatisfying(q -> assertThat(q.max()).isEqualTo(80));
        assertThat(throttles.take(seller, "1", ApiSection.FINANCES, "ListFinancialEvents").quota()).isEmpty();
        assertThat(throttles.take(seller, "1", ApiSection.SELLERS, "ListMarketplaceParticipations").quota()).isEmpty();
    }

    @Test
    void budgetsBelongToOneSellerAndDeveloperPair() {
        Throttles throttles = throttles();
        for (int i = 0; i < 2; i++) {
            throttles.take("APAIRONE00001", "111111111111", ApiSection.SELLERS, "GetServiceStatus");
        }

        assertThat(throttles.take("APAIRONE00001", "111111111111", ApiSection.SELLERS, "GetServiceStatus").refusal()).isPresent();
        assertThat(throttles.take("APAIRONE00001", "222222222222", ApiSection.SELLERS, "GetServiceStatus").refusal()).isEmpty();
        assertThat(throttles.take("APAIRTWO00002", "111111111111", ApiSection.SELLERS, "GetServiceStatus").refusal()).isEmpty();
    }
}
