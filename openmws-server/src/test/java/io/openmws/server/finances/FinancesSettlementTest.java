package io.openmws.server.finances;

import static io.openmws.server.finances.FinancesTesting.elements;
import static io.openmws.server.finances.FinancesTesting.money;
import static io.openmws.server.finances.FinancesTesting.newItemId;
import static io.openmws.server.finances.FinancesTesting.newOrderId;
import static io.openmws.server.finances.FinancesTesting.newRef;
import static io.openmws.server.finances.FinancesTesting.shipped;
import static io.openmws.server.finances.FinancesTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.protocol.time.Timestamps;
import io.openmws.server.finances.FinancesTesting.Caller;
import io.openmws.server.orders.OrderShipped;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Settlement periods with the sandbox clock moved through the control API: the real closing job
 * (db-scheduler, polling every second) closes every period that ended, once, with its fund transfer,
 * opens the next one after a period with events, closes an empty one with nothing transferred and
 * opens none after it, and publishes {@link SettlementPeriodClosed} for each (seen by a listener
 * here, as the Reports feature would).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class FinancesSettlementTest {

    static final String TOKEN = "finances-settlement-" + UUID.randomUUID();
    static final Duration PERIOD = Duration.ofDays(14);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    /** Records every closed period, as a listener of another feature would see it. */
    static class Settlements {
        final List<SettlementPeriodClosed> closed = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SettlementPeriodClosed event) {
            closed.add(event);
        }

        List<SettlementPeriodClosed> of(long accountId) {
            return closed.stream().filter(e -> e.accountId() == accountId).toList();
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Settlements settlements() {
            return new Settlements();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    Settlements settlements;

    void advance(String duration) {
        JsonClient.Response r = new JsonClient(port, TOKEN).post("/sandbox/v1/clock/advance",
                "{\"duration\": \"" + duration + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The groups listed since {@code after}, polled until {@code until} holds (the job runs every second). */
    List<String> groupsOnce(FinancesTesting t, Caller c, Instant after, Predicate<List<String>> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<String> groups = elements(t.ok(c, "ListFinancialEventGroups", Map.of(
                    "FinancialEventGroupStartedAfter", Timestamps.format(after))), "FinancialEventGroup");
            if (until.test(groups) || System.nanoTime() > deadline) {
                return groups;
            }
            Thread.sleep(250);
        }
    }

    static OrderShipped.Item item(String principal) {
        return new OrderShipped.Item(newItemId(), "SKU-S", 1, money(principal), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Test
    void everyEndedPeriodClosesOnceWithItsTransferAndTheNextOpens() throws InterruptedException {
        FinancesTesting t = new FinancesTesting(port, TOKEN, jdbc, publisher, transactions);
        Caller c = t.seller();
        long account = t.accountId(c);
        Instant at = clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        Instant start = at.truncatedTo(ChronoUnit.DAYS);
        Instant end = start.plus(PERIOD);
        // 100.00 - 15.00 - 1.80 = 83.20
        t.ship(shipped(account, newOrderId(), newRef(), at, item("100.00")));
        Instant since = start.minus(Duration.ofDays(1));

        advance("P15D");
        List<String> groups = groupsOnce(t, c, since, g -> g.size() == 2);

        assertThat(groups).hasSize(2);
        String closed = groups.get(0);
        String id = value(closed, "FinancialEventGroupId");
        String trace = value(closed, "TraceId");
        String tail = value(closed, "AccountTail");
        assertThat(trace).matches("[0-9A-Z]{20}");
        assertThat(tail).matches("[0-9]{3}");
        assertThat(closed).isEqualTo("<FinancialEventGroup><FinancialEventGroupId>" + id + "</FinancialEventGroupId>"
                + "<ProcessingStatus>Closed</ProcessingStatus><FundTransferStatus>Successful</FundTransferStatus>"
                + "<OriginalTotal><CurrencyCode>USD</CurrencyCode><CurrencyAmount>83.20</CurrencyAmount></OriginalTotal>"
                + "<ConvertedTotal><CurrencyCode>USD</CurrencyCode><CurrencyAmount>83.20</CurrencyAmount></ConvertedTotal>"
                + "<FundTransferDate>" + Timestamps.format(end) + "</FundTransferDate><TraceId>" + trace + "</TraceId>"
                + "<AccountTail>" + tail + "</AccountTail>"
                + "<BeginningBalance><CurrencyCode>USD</CurrencyCode><CurrencyAmount>0.00</CurrencyAmount></BeginningBalance>"
                + "<FinancialEventGroupStart>" + Timestamps.format(start) + "</FinancialEventGroupStart>"
                + "<FinancialEventGroupEnd>" + Timestamps.format(end) + "</FinancialEventGroupEnd></FinancialEventGroup>");
        String next = groups.get(1);
        assertThat(next).contains("<ProcessingStatus>Open</ProcessingStatus><OriginalTotal><CurrencyCode>USD"
                + "</CurrencyCode><CurrencyAmount>0.00</CurrencyAmount></OriginalTotal>");
        assertThat(value(next, "FinancialEventGroupStart")).isEqualTo(Timestamps.format(end));
        assertThat(next).doesNotContain("<FinancialEventGroupEnd>").doesNotContain("<FundTransferStatus>");
        // A group started before StartedAfter but Open at that time is listed too.
        assertThat(elements(t.ok(c, "ListFinancialEventGroups", Map.of("FinancialEventGroupStartedAfter",
                Timestamps.format(start.plus(Duration.ofDays(1))))), "FinancialEventGroup")).hasSize(2);
        // The group's events are still there under its id.
        assertThat(elements(t.ok(c, "ListFinancialEvents", Map.of("FinancialEventGroupId", id)), "ShipmentEvent"))
                .hasSize(1);

        assertThat(settlements.of(account)).containsExactly(new SettlementPeriodClosed(account, id, start, end, "USD",
                new BigDecimal("83.20"), 1, "Successful", end, trace, tail));

        // A month later the empty successor has closed with nothing transferred, and opened nothing.
        advance("P30D");
        groups = groupsOnce(t, c, since, g -> g.size() == 2 && g.get(1).contains("Closed"));
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).contains("<ProcessingStatus>Closed</ProcessingStatus>"
                + "<FundTransferStatus>Unknown</FundTransferStatus><OriginalTotal><CurrencyCode>USD</CurrencyCode>"
                + "<CurrencyAmount>0.00</CurrencyAmount></OriginalTotal>");
        assertThat(groups.get(1)).doesNotContain("<TraceId>").doesNotContain("<FundTransferDate>")
                .contains("<FinancialEventGroupEnd>" + Timestamps.format(end.plus(PERIOD)) + "</FinancialEventGroupEnd>");
        Thread.sleep(2_000);   // the job runs again: nothing closes twice
        List<SettlementPeriodClosed> all = settlements.of(account);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).originalTotal()).isEqualByComparingTo("0.00");
        assertThat(all.get(1).fundTransferStatus()).isEqualTo("Unknown");

        // The next sale opens the period of the 14-day grid it falls in.
        Instant later = clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        t.ship(shipped(account, newOrderId(), newRef(), later, item("10.00")));
        long periods = Duration.between(start, later).toSeconds() / PERIOD.toSeconds();
        Instant gridStart = start.plus(PERIOD.multipliedBy(periods));
        groups = groupsOnce(t, c, since, g -> g.size() == 3);
        assertThat(groups).hasSize(3);
        assertThat(groups.get(2)).contains("<ProcessingStatus>Open</ProcessingStatus>")
                .contains("<CurrencyAmount>6.70</CurrencyAmount>")
                .contains("<FinancialEventGroupStart>" + Timestamps.format(gridStart) + "</FinancialEventGroupStart>");
    }
}
