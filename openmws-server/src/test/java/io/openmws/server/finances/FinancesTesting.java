package io.openmws.server.finances;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.orders.OrderRefunded;
import io.openmws.server.orders.OrderShipped;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Finances tests share: callers (a developer for its own seller account, or one authorized
 * for another seller), signed Finances calls over HTTP, order events published the way the orders
 * feature publishes them (inside a transaction), and reading values out of the XML.
 */
final class FinancesTesting {

    static final String FINANCES = "/Finances/2015-05-01";
    private static final Random RANDOM = new Random();

    /** Who calls: the seller acted for, the developer, its keys, and the MWS Auth Token if not the seller's own. */
    record Caller(String sellerId, String developerId, String accessKeyId, String secretKey, String authToken) {}

    private final int port;
    private final JsonClient control;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;

    FinancesTesting(int port, String operatorToken, JdbcClient jdbc, ApplicationEventPublisher publisher,
                    PlatformTransactionManager transactions) {
        this.port = port;
        this.control = new JsonClient(port, operatorToken);
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
    }

    Fixtures fixtures() {
        return new Fixtures(control);
    }

    JsonClient control() {
        return control;
    }

    /** A developer calling for its own new seller account, unthrottled. */
    Caller seller() {
        Fixtures.Developer dev = fixtures().developer();
        unthrottle(dev.developerId());
        return new Caller(dev.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), null);
    }

    /** Another developer (of a seller account of its own), authorized by the caller's seller. */
    Caller otherDeveloperOf(Caller owner) {
        Fixtures.Developer dev = fixtures().developer();
        unthrottle(dev.developerId());
        String token = fixtures().authorize(owner.sellerId(), dev.developerId());
        return new Caller(owner.sellerId(), dev.developerId(), dev.accessKeyId(), dev.secretKey(), token);
    }

    private void unthrottle(String developerId) {
        JsonClient.Response r = control.post("/sandbox/v1/developers/" + developerId + "/throttling",
                "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    long accountId(Caller c) {
        return jdbc.sql("SELECT id FROM seller_account WHERE seller_id = :seller").param("seller", c.sellerId())
                .query(Long.class).single();
    }

    MwsClient.Answer call(Caller c, String action, Map<String, String> params) {
        Map<String, String> all = new TreeMap<>(params);
        all.put("Action", action);
        all.put("Version", "2015-05-01");
        all.put("SellerId", c.sellerId());
        if (c.authToken() != null) {
            all.put("MWSAuthToken", c.authToken());
        }
        return new MwsClient(port).signedPost(FINANCES, c.accessKeyId(), c.secretKey(), all);
    }

    /** A successful call's body, whitespace between elements removed. */
    String ok(Caller c, String action, Map<String, String> params) {
        MwsClient.Answer a = call(c, action, params);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return compact(a.body());
    }

    /** A refused call's error code, after checking its HTTP status. */
    String error(Caller c, String action, Map<String, String> params, int status) {
        MwsClient.Answer a = call(c, action, params);
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        return a.errorCode();
    }

    static String compact(String xml) {
        return xml.replaceAll(">\\s+<", "><").strip();
    }

    static String newOrderId() {
        return String.format("%03d-%07d-%07d", RANDOM.nextInt(1000), RANDOM.nextInt(10_000_000),
                RANDOM.nextInt(10_000_000));
    }

    static String newItemId() {
        return String.format("%07d%07d", 1_000_000 + RANDOM.nextInt(9_000_000), RANDOM.nextInt(10_000_000));
    }

    static long newRef() {
        return 1 + RANDOM.nextInt(Integer.MAX_VALUE);
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    /** Publishes a shipment as the orders feature does: inside a transaction, synchronously. */
    void ship(OrderShipped shipped) {
        transaction.executeWithoutResult(status -> publisher.publishEvent(shipped));
    }

    void refund(OrderRefunded refunded) {
        transaction.executeWithoutResult(status -> publisher.publishEvent(refunded));
    }

    static OrderShipped shipped(long accountId, String orderId, long shipmentRef, Instant at, OrderShipped.Item... items) {
        return new OrderShipped(accountId, orderId, null, "ATVPDKIKX0DER", "USD", shipmentRef, at, List.of(items));
    }

    static String value(String xml, String element) {
        List<String> all = values(xml, element);
        assertThat(all).as("<%s> in %s", element, xml).hasSize(1);
        return all.get(0);
    }

    static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The complete elements named {@code element} (with their content), in document order. */
    static List<String> elements(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">.*?</" + element + ">", Pattern.DOTALL).matcher(xml);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
