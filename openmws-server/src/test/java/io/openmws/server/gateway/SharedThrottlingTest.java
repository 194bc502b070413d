package io.openmws.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.PortalClient;
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
 * Several nodes on one database: with the database store they draw on one throttle budget, a
 * suspension, a renewal, a new marketplace or a revocation through one node holds on the other at its
 * very next call, and so do a service status, the sandbox clock and the throttling switch.
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

    /**
     * Node B keeps the keys, grants and seller accounts it has read (support/AccessVersion): each change
     * made through node A must still hold at node B's very next call, after node B has just used what
     * it keeps.
     */
    @Test
    void suspensionExpiryRenewalMarketplacesAndRevocationThroughOneNodeHoldOnTheOtherAtItsNextCall() {
        TestDatabases.Database db = TestDatabases.newPostgresDatabase();
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=kept"));
        try (var nodeA = start(args); var nodeB = start(args)) {
            Fixtures fixtures = new Fixtures(port(nodeA), "kept");
            JsonClient a = new JsonClient(port(nodeA), "kept");
            MwsClient b = new MwsClient(port(nodeB));
            Fixtures.Developer dev = fixtures.developer();
            Fixtures.Seller seller = fixtures.seller(Fixtures.newEmail("kept"), "ATVPDKIKX0DER");
            String sellerId = seller.sellerId();
            String token = fixtures.authorize(sellerId, dev.developerId());
            Map<String, String> call = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                    "Version", "2011-07-01", "SellerId", sellerId, "MWSAuthToken", token));
            List<String> seen = new ArrayList<>();
            Runnable callOnB = () -> {
                var answer = b.signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), call);
                seen.add(answer.status() + (answer.status() == 200 ? "" : " " + answer.errorCode()));
            };

            callOnB.run();
            callOnB.run();
            a.post("/sandbox/v1/developers/" + dev.developerId() + "/suspend", "{\"reason\": \"kept\"}");
            callOnB.run();
            a.post("/sandbox/v1/developers/" + dev.developerId() + "/reinstate", "");
            callOnB.run();
            a.post("/sandbox/v1/clock/advance", "{\"duration\": \"P366D\"}");
            callOnB.run();
            fixtures.renew(sellerId, dev.developerId());
            callOnB.run();
            // The seller adds Mexico in Account Info on node A: node B's next call lists it.
            PortalClient portal = new PortalClient(port(nodeA));
            portal.submit("/login", "/login", "username", seller.email(), "password", seller.password());
            var saved = portal.submit("/sellercentral/settings/account-info", "/sellercentral/settings/account-info",
                    "contactName", "Kept", "otherMarketplaceIds", "A1AM78C64UM0Y8");
            var listed = b.signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), call);
            fixtures.revoke(sellerId, dev.developerId());
            var revoked = b.signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), call);

            assertThat(seen).containsExactly("200", "200", "403 InvalidAccessKeyId", "200",
                    "401 AccessDenied", "200");
            assertThat(saved.redirectPath()).isEqualTo("/sellercentral/settings/account-info");
            assertThat(listed.body()).contains("<MarketplaceId>A1AM78C64UM0Y8</MarketplaceId>");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(401);
            assertThat(revoked.errorCode()).isEqualTo("AccessDenied");
        }
    }

    /**
     * Node B reads each setting (it answers a call) just before node A changes it, so nothing it may
     * remember is older than the change: each must hold at node B's very next call.
     * {@code bench/nodes/run.sh} found the clock and the throttling switch a second late there.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void serviceStatusClockAndThrottlingSetThroughOneNodeHoldOnTheOtherAtItsNextCall(TestDatabases.Kind kind) {
        TestDatabases.Database db = TestDatabases.newDatabase(kind);
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=status"));
        try (var nodeA = start(args); var nodeB = start(args)) {
            Fixtures fixtures = new Fixtures(port(nodeA), "status");
            JsonClient a = new JsonClient(port(nodeA), "status");
            MwsClient b = new MwsClient(port(nodeB));
            Fixtures.Developer dev = fixtures.developer();
            Map<String, String> status = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2013-09-01"));
            assertThat(b.signedPost("/Orders/2013-09-01", dev.accessKeyId(), dev.secretKey(), status).body())
                    .contains("<Status>GREEN</Status>");

            var set = a.post("/sandbox/v1/service-status/Orders",
                    "{\"status\": \"RED\", \"messageId\": \"42\", \"messages\": [\"First.\", \"Second.\"]}");
            var answer = b.signedPost("/Orders/2013-09-01", dev.accessKeyId(), dev.secretKey(), status);

            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("<Status>RED</Status>").contains("<MessageId>42</MessageId>")
                    .containsSubsequence("<Text>First.</Text>", "<Text>Second.</Text>");

            // The clock, moved past an authorization's expiry: node B's next call finds it expired.
            String sellerId = fixtures.seller().sellerId();
            String token = fixtures.authorize(sellerId, dev.developerId());
            Map<String, String> participations = new TreeMap<>(Map.of("Action", "ListMarketplaceParticipations",
                    "Version", "2011-07-01", "SellerId", sellerId, "MWSAuthToken", token));
            Fixtures onB = new Fixtures(port(nodeB), "status");
            assertThat(b.signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), participations).status())
                    .isEqualTo(200);
            assertThat(onB.clockOffset()).isEqualTo("PT0S");
            assertThat(a.post("/sandbox/v1/clock/advance", "{\"duration\": \"P366D\"}").status()).isEqualTo(200);

            assertThat(onB.clockOffset()).isEqualTo("PT8784H");
            var expired = b.signedPost("/Sellers/2011-07-01", dev.accessKeyId(), dev.secretKey(), participations);
            assertThat(expired.status()).as(expired.body()).isEqualTo(401);
            assertThat(expired.errorCode()).isEqualTo("AccessDenied");

            // Throttling switched off, then on again: GetServiceStatus allows 2 calls, then 1 per 5 minutes.
            Fixtures.Developer quota = fixtures.developer();
            Map<String, String> sellers = new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01"));
            for (int i = 0; i < 2; i++) {
                assertThat(b.signedPost("/Sellers/2011-07-01", quota.accessKeyId(), quota.secretKey(), sellers).status())
                        .isEqualTo(200);
            }
            assertThat(b.signedPost("/Sellers/2011-07-01", quota.accessKeyId(), quota.secretKey(), sellers).status())
                    .isEqualTo(503);
            a.post("/sandbox/v1/developers/" + quota.developerId() + "/throttling", "{\"enabled\": false}");
            var off = b.signedPost("/Sellers/2011-07-01", quota.accessKeyId(), quota.secretKey(), sellers);
            a.post("/sandbox/v1/developers/" + quota.developerId() + "/throttling", "{\"enabled\": true}");
            var on = b.signedPost("/Sellers/2011-07-01", quota.accessKeyId(), quota.secretKey(), sellers);

            assertThat(off.status()).as("switched off on node A, node B's next call: %s", off.body()).isEqualTo(200);
            assertThat(on.status()).as("switched on again on node A, node B's next call: %s", on.body()).isEqualTo(503);
            assertThat(on.errorCode()).isEqualTo("RequestThrottled");
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
