package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several nodes on one PostgreSQL: with the database store they draw on one throttle budget, a
 * revocation on one node holds on the other at its very next call, and so does a service status.
 */
class SharedThrottlingTest {

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(OpenMwsServer.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void twoNodesShareOneBudget() {
        TestDatabases.Database db = TestDatabases.newPostgresDatabase();
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=shared", "--openmws.throttling.store=database"));
        try (var nodeA = start(args); var nodeB = start(args)) {
            Fixtures.Developer dev = new Fixtures(port(nodeA), "shared").developer();
            String key = dev.accessKeyId();
            String secret = dev.secretKey();
            Map<String, String> status = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01"));

            // GetServiceStatus: a burst of 2 for the (seller, developer) pair, whichever node answers.
            assertThat(new MwsClient(port(nodeA)).signedPost("/Sellers/2011-07-01", key, secret, status).status()).isEqualTo(200);
            assertThat(new MwsClient(port(nodeB)).signedPost("/Sellers/2011-07-01", key, secret, status).status()).isEqualTo(200);
            var third = new MwsClient(port(nodeA)).signedPost("/Sellers/2011-07-01", key, secret, status);

            assertThat(third.status()).isEqualTo(503);
            assertThat(third.errorCode()).isEqualTo("RequestThrottled");
        }
    }

    @Test
    void aRevocationOnOneNodeHoldsOnTheOtherWithinASecond() {
        TestDatabases.Database db = TestDatabases.newPostgresDatabase();
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=nodes"));
        try (var nodeA = start(args); var nodeB = start(args)) {
            Fixtures fixtures = new Fixtures(port(nodeA), "nodes");
            Fixtures.Developer dev = fixtures.developer();
            String sellerId = fixtures.seller().sellerId();
            String developerId = dev.developerId();
            String token = fixtures.authorize(sellerId, developerId);
            Map<String, String> call = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                    "Version", "2011-07-01", "SellerId", sellerId, "MWSAuthToken", token));
            MwsClient b = new MwsClient(port(nodeB));
            String key = dev.accessKeyId();
            String secret = dev.secretKey();
            assertThat(b.signedPost("/Sellers/2011-07-01", key, secret, call).status()).isEqualTo(200);

            fixtures.revoke(sellerId, developerId);
            long revokedAt = System.nanoTime();
            var after = b.signedPost("/Sellers/2011-07-01", key, secret, call);

            assertThat(after.status()).isEqualTo(401);
            assertThat(after.errorCode()).isEqualTo("AccessDenied");
            assertThat(System.nanoTime() - revokedAt).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aServiceStatusSetThroughOneNodeIsWhatTheOtherReportsAtItsNextCall(TestDatabases.Kind kind) {
        TestDatabases.Database db = TestDatabases.newDatabase(kind);
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=status"));
        try (var nodeA = start(args); var nodeB = start(args)) {
            Fixtures.Developer dev = new Fixtures(port(nodeA), "status").developer();
            Map<String, String> status = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2013-09-01"));
            MwsClient b = new MwsClient(port(nodeB));
            assertThat(b.signedPost("/Orders/2013-09-01", dev.accessKeyId(), dev.secretKey(), status).body())
                    .contains("<Status>GREEN</Status>");

            var set = new JsonClient(port(nodeA), "status").post("/sandbox/v1/service-status/Orders",
                    "{\"status\": \"RED\", \"messageId\": \"42\", \"messages\": [\"First.\", \"Second.\"]}");
            var answer = b.signedPost("/Orders/2013-09-01", dev.accessKeyId(), dev.secretKey(), status);

            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("<Status>RED</Status>").contains("<MessageId>42</MessageId>")
                    .containsSubsequence("<Text>First.</Text>", "<Text>Second.</Text>");
        }
    }

    @Test
    void theDatabaseStoreRefusesH2() {
        String h2 = "--spring.datasource.url=jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        assertThatThrownBy(() -> start(List.of("--server.port=0", h2, "--openmws.throttling.store=database")).close())
                .hasStackTraceContaining("openmws.throttling.store=database needs PostgreSQL");
    }
}
