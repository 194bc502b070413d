package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.OrderShipped;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settlement report (mws-data-apis.md §3.3) of periods the real closing job closed after the sandbox
 * clock moved: its 36 columns, the summary row first, then one row per amount, exactly the amounts the
 * Finances API lists for the group, adding up to the total; an empty period's report is its summary
 * alone; another seller's group is never found. Events are published as the orders feature publishes
 * them (inside a transaction), as the finances tests do. On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SettlementReportTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    static final AtomicLong REFS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    SettlementReport settlementReport;

    JsonClient api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new JsonClient(port, TOKEN);
        fixtures = new Fixtures(api);
    }

    /** A seller that is its own developer, unthrottled, so the test can read its Finances API. */
    record Seller(Fixtures.Developer developer, long accountId) {}

    Seller seller() {
        Fixtures.Developer dev = fixtures.developer();
        JsonClient.Response r = api.post("/sandbox/v1/developers/" + dev.developerId() + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long account = jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :s").param("s", dev.sellerId())
                .query(Long.class).single();
        return new Seller(dev, account);
    }

    void publish(Object event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> publisher.publishEvent(event));
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    void advance(String duration) {
        JsonClient.Response r = api.post("/sandbox/v1/clock/advance", "{\"duration\": \"" + duration + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The seller's groups, oldest first, once the closing job has closed {@code closed} of them. */
    List<String> groupsOnceClosed(long accountId, int closed) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM financial_event_group"
                        + " WHERE account_id = :a AND processing_status = 'Closed'").param("a", accountId)
                .query(Long.class).single() >= closed);
        return jdbc.sql("SELECT group_id FROM financial_event_group WHERE account_id = :a ORDER BY period_start")
                .param("a", accountId).query(String.class).list();
    }

    record Generated(long rows, List<String> header, List<Map<String, String>> rows2) {}

    Generated generate(long accountId, String groupId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportOutput out = new ReportOutput(bytes, ReportOutput.charsetFor(List.of(US)));
        ReportJob job = new ReportJob(accountId, ReportTypes.SETTLEMENT, List.of(US), null, null, Map.of(), groupId,
                clock.instant());
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        Long rows = readOnly.execute(s -> {
            try {
                return settlementReport.generate(job, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String text = bytes.toString(out.charset());
        assertThat(text).endsWith("\n");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        List<String> header = List.of(lines[0].split("\t", -1));
        List<Map<String, String>> named = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            String[] values = lines[l].split("\t", -1);
            assertThat(values).hasSize(header.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(header.get(i), values[i]);
            }
            named.add(row);
        }
        assertThat(named).hasSize(rows.intValue());
        return new Generated(rows, header, named);
    }

    /** ListFinancialEvents of the group, over HTTP, signed by the seller's own developer. */
    String financialEvents(Seller s, String groupId) {
        Map<String, String> params = new TreeMap<>(Map.of("Action", "ListFinancialEvents", "Version", "2015-05-01",
                "SellerId", s.developer().sellerId(), "FinancialEventGroupId", groupId));
        MwsClient.Answer a = new MwsClient(port).signedPost("/Finances/2015-05-01", s.developer().accessKeyId(),
                s.developer().secretKey(), params);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("<NextToken>");
        return a.body();
    }

    /** Every component of the events as {@code order type amount}: the same shape the report's rows give. */
    static List<String> components(String xml) {
        List<String> found = new ArrayList<>();
        // A refund is a ShipmentEvent element too, in RefundEventList (the MWS model).
        Matcher list = Pattern.compile("<(ShipmentEventList|RefundEventList)>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(xml);
        while (list.find()) {
            String kind = list.group(1).equals("RefundEventList") ? "Refund " : "Order ";
            Matcher event = Pattern.compile("<ShipmentEvent>(.*?)</ShipmentEvent>", Pattern.DOTALL)
                    .matcher(list.group(2));
            while (event.find()) {
                String body = event.group(1);
                Matcher order = Pattern.compile("<AmazonOrderId>([^<]*)</AmazonOrderId>").matcher(body);
                assertThat(order.find()).isTrue();
                Matcher c = Pattern.compile("<(?:ChargeType|FeeType)>([^<]*)</(?:ChargeType|FeeType)>.*?"
                        + "<CurrencyAmount>([^<]*)</CurrencyAmount>|<PromotionId>([^<]*)</PromotionId>.*?"
                        + "<CurrencyAmount>([^<]*)</CurrencyAmount>", Pattern.DOTALL).matcher(body);
                while (c.find()) {
                    found.add(kind + order.group(1) + " " + (c.group(1) != null ? c.group(1) + " " + c.group(2)
                            : "promotion " + c.group(3) + " " + c.group(4)));
                }
            }
        }
        return found;
    }

    static List<String> components(Generated report) {
        List<String> found = new ArrayList<>();
        for (Map<String, String> r : report.rows2().subList(1, report.rows2().size())) {
            String prefix = r.get("transaction-type") + " " + r.get("order-id") + " ";
            if (!r.get("price-type").isEmpty()) {
                String type = r.get("price-type").equals("Shipping") ? "ShippingCharge" : r.get("price-type");
                found.add(prefix + type + " " + r.get("price-amount"));
            } else if (!r.get("item-related-fee-type").isEmpty()) {
                found.add(prefix + r.get("item-related-fee-type") + " " + r.get("item-related-fee-amount"));
            } else {
                assertThat(r.get("promotion-type")).isEqualTo("Principal");
                found.add(prefix + "promotion " + r.get("promotion-id") + " " + r.get("promotion-amount"));
            }
        }
        return found;
    }

    static String orderId() {
        return String.format("%03d-%07d-%07d", REFS.incrementAndGet() % 1000, REFS.incrementAndGet() % 10_000_000,
                REFS.incrementAndGet() % 10_000_000);
    }

    static String itemId() {
        return String.format("%014d", 10_000_000_000_000L + REFS.incrementAndGet());
    }

    @Test
    void aClosedPeriodsReportIsItsSummaryThenExactlyTheFinancesEventsAddingUpToTheTotal() {
        Seller s = seller();
        Seller other = seller();
        Instant at = clock.instant().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String first = orderId();
        String second = orderId();
        String secondItem = itemId();
        // 100.00 + 5.00 + 7.25 + 0.36 - 15.00 commission - 1.80 closing fee - 2.00 promotion = 93.81
        publish(new OrderShipped(s.accountId(), first, "MY-ORDER-1", US, "USD", REFS.incrementAndGet(), at,
                List.of(new OrderShipped.Item(itemId(), "MUG", 1, money("100.00"), money("5.00"), money("7.25"),
                        money("0.36"), money("2.00")))));
        // 20.00 - 3.00 commission - 3.60 closing fees = 13.40
        publish(new OrderShipped(s.accountId(), second, null, US, "USD", REFS.incrementAndGet(), at.plusSeconds(60),
                List.of(new OrderShipped.Item(secondItem, "CUP", 2, money("20.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO))));
        // -10.00 + 1.50 commission back - 0.30 refund commission = -8.80
        long refundRef = REFS.incrementAndGet();
        publish(new OrderRefunded(s.accountId(), second, null, US, "USD", refundRef, at.plusSeconds(120),
                "CustomerReturn", List.of(new OrderRefunded.Item(secondItem, "CUP", 1, money("10.00"),
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))));
        publish(new OrderShipped(other.accountId(), orderId(), null, US, "USD", REFS.incrementAndGet(), at,
                List.of(new OrderShipped.Item(itemId(), "THEIRS", 1, money("50.00"), BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))));

        advance("P15D");
        String group = groupsOnceClosed(s.accountId(), 1).get(0);
        String otherGroup = groupsOnceClosed(other.accountId(), 1).get(0);

        Generated report = generate(s.accountId(), group);

        assertThat(String.join("\t", report.header())).isEqualTo("settlement-id\tsettlement-start-date\t"
                + "settlement-end-date\tdeposit-date\ttotal-amount\tcurrency\ttransaction-type\torder-id\t"
                + "merchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tshipment-fee-type\t"
                + "shipment-fee-amount\torder-fee-type\torder-fee-amount\tfulfillment-id\tposted-date\t"
                + "order-item-code\tmerchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\t"
                + "price-type\tprice-amount\titem-related-fee-type\titem-related-fee-amount\tmisc-fee-amount\t"
                + "other-fee-amount\tother-fee-reason-description\tpromotion-id\tpromotion-type\tpromotion-amount\t"
                + "direct-payment-type\tdirect-payment-amount\tother-amount");
        Map<String, String> summary = report.rows2().get(0);
        Instant start = at.truncatedTo(ChronoUnit.DAYS);
        assertThat(summary.get("settlement-id")).matches("\\d{11}");
        assertThat(summary.get("settlement-start-date")).isEqualTo(ISO.format(start));
        assertThat(summary.get("settlement-end-date")).isEqualTo(ISO.format(start.plus(Duration.ofDays(14))));
        assertThat(summary.get("deposit-date")).isEqualTo(ISO.format(start.plus(Duration.ofDays(14))));
        assertThat(summary.get("total-amount")).isEqualTo("98.41");
        assertThat(summary.get("currency")).isEqualTo("USD");
        assertThat(summary.entrySet().stream().filter(e -> !e.getValue().isEmpty()).count()).isEqualTo(6);

        List<Map<String, String>> amounts = report.rows2().subList(1, report.rows2().size());
        assertThat(amounts).allSatisfy(r -> {
            assertThat(r.get("settlement-id")).isEqualTo(summary.get("settlement-id"));
            assertThat(r.get("total-amount")).isEmpty();
            assertThat(r.get("marketplace-name")).isEqualTo("Amazon.com");
        });
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, String> r : amounts) {
            for (String column : List.of("price-amount", "item-related-fee-amount", "promotion-amount")) {
                if (!r.get(column).isEmpty()) {
                    sum = sum.add(new BigDecimal(r.get(column)));
                }
            }
        }
        assertThat(sum).isEqualByComparingTo(summary.get("total-amount"));
        assertThat(components(report)).containsExactlyInAnyOrderElementsOf(components(financialEvents(s, group)))
                .hasSize(19);

        Map<String, String> principal = amounts.get(0);
        assertThat(principal.get("transaction-type")).isEqualTo("Order");
        assertThat(principal.get("order-id")).isEqualTo(first);
        assertThat(principal.get("merchant-order-id")).isEqualTo("MY-ORDER-1");
        assertThat(principal.get("posted-date")).isEqualTo(ISO.format(at));
        assertThat(principal.get("price-type")).isEqualTo("Principal");
        assertThat(principal.get("price-amount")).isEqualTo("100.00");
        assertThat(principal.get("quantity-purchased")).isEqualTo("1");
        assertThat(principal.get("sku")).isEqualTo("MUG");
        assertThat(principal.get("fulfillment-id")).isEqualTo("MFN");
        assertThat(principal.get("shipment-id")).isNotEmpty();
        Map<String, String> refunded = amounts.get(amounts.size() - 1);
        assertThat(refunded.get("transaction-type")).isEqualTo("Refund");
        assertThat(refunded.get("order-item-code")).isEqualTo(secondItem);
        assertThat(refunded.get("adjustment-id")).isEqualTo(Long.toString(refundRef));
        assertThat(amounts.stream().filter(r -> r.get("order-item-code").equals(secondItem))
                .filter(r -> r.get("transaction-type").equals("Order"))
                .mapToInt(r -> r.get("quantity-purchased").isEmpty() ? 0 : Integer.parseInt(r.get("quantity-purchased")))
                .sum()).isEqualTo(2);

        // Stable: the same period, the same settlement-id; another seller's period another one.
        assertThat(generate(s.accountId(), group).rows2().get(0).get("settlement-id"))
                .isEqualTo(summary.get("settlement-id"));
        assertThat(generate(other.accountId(), otherGroup).rows2().get(0).get("settlement-id"))
                .isNotEqualTo(summary.get("settlement-id"));
        // Another seller's group id finds nothing: the header alone, not even a summary.
        Generated foreign = generate(other.accountId(), group);
        assertThat(foreign.rows()).isZero();
    }

    @Test
    void anEmptyPeriodsReportIsItsSummaryAlone() {
        Seller s = seller();
        Instant at = clock.instant().minus(Duration.ofMinutes(10));
        publish(new OrderShipped(s.accountId(), orderId(), null, US, "USD", REFS.incrementAndGet(), at,
                List.of(new OrderShipped.Item(itemId(), "MUG", 1, money("10.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO))));
        advance("P15D");
        groupsOnceClosed(s.accountId(), 1);
        advance("P15D");
        List<String> groups = groupsOnceClosed(s.accountId(), 2);

        Generated report = generate(s.accountId(), groups.get(1));

        assertThat(report.rows()).isEqualTo(1);
        Map<String, String> summary = report.rows2().get(0);
        assertThat(summary.get("total-amount")).isEqualTo("0.00");
        assertThat(summary.get("deposit-date")).isEmpty();
        assertThat(summary.get("currency")).isEqualTo("USD");
        assertThat(Arrays.asList(summary.get("settlement-start-date"), summary.get("settlement-end-date")))
                .allMatch(d -> d.endsWith("+00:00"));
    }
}
