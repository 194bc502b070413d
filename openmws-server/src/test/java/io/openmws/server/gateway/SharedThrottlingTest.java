package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several nodes on one PostgreSQL: with the database store they draw on one throttle budget, and a
 * revocation on one node holds on the other at its very next call.
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
            var dev = new JsonClient(port(nodeA), "shared").post("/sandbox/v1/developers", "{}").json();
            String key = dev.get("accessKeyId").asString();
            String secret = dev.get("secretKey").asString();
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
            JsonClient control = new JsonClient(port(nodeA), "nodes");
            var dev = control.post("/sandbox/v1/developers", "{}").json();
            String sellerId = control.post("/sandbox/v1/sellers", "{}").json().get("sellerId").asString();
            String developerId = dev.get("developerId").asString();
            String token = control.post("/sandbox/v1/authorizations",
                    "{\"sellerId\":\"" + sellerId + "\",\"developerId\":\"" + developerId + "\"}").json()
                    .get("mwsAuthToken").asString();
            Map<String, String> call = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                    "Version", "2011-07-01", "SellerId", sellerId, "MWSAuthToken", token));
            MwsClient b = new MwsClient(port(nodeB));
            String key = dev.get("accessKeyId").asString();
            String secret = dev.get("secretKey").asString();
            assertThat(b.signedPost("/Sellers/2011-07-01", key, secret, call).status()).isEqualTo(200);

            control.post("/sandbox/v1/authorizations/" + sellerId + "/" + developerId + "/revoke", null);
            long revokedAt = System.nanoTime();
            var after = b.signedPost("/Sellers/2011-07-01", key, secret, call);

            assertThat(after.status()).isEqualTo(401);
            assertThat(after.errorCode()).isEqualTo("AccessDenied");
            assertThat(System.nanoTime() - revokedAt).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
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
