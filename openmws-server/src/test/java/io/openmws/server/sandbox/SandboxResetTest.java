package io.openmws.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openmws.protocol.ApiSection;
import io.openmws.server.gateway.ServiceStatusBoard;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.Jobs;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayInputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /sandbox/v1/reset} leaves the platform as a fresh start would, background jobs included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class SandboxResetTest {

    static final String TOKEN = "reset-test-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    PlatformClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BlobStore blobs;

    @Autowired
    ServiceStatusBoard board;

    JsonClient control() {
        return new JsonClient(port, TOKEN);
    }

    @Test
    void everyRecurringTaskIsScheduledAgainAfterAReset() {
        assertThat(jobs.recurringTaskNames()).contains("authorization-expiry-watch", "mws-call-log-retention");

        JsonClient.Response reset = control().post("/sandbox/v1/reset", null);

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("scheduled_tasks");
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list())
                .containsAll(jobs.recurringTaskNames());
    }

    @Test
    void storedFeedFilesGoWithTheRows() throws Exception {
        String key = "feeds/reset-test-" + UUID.randomUUID().toString().substring(0, 8) + "/body";
        blobs.write(key, new ByteArrayInputStream("sku\tprice\nA\t1.00\n".getBytes()));
        assertThat(blobs.open(key)).isNotNull().satisfies(java.io.InputStream::close);

        JsonClient.Response reset = control().post("/sandbox/v1/reset", null);

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aSellerAuthorizedAfterAResetGetsItsExpiryReminder() {
        assertThat(control().post("/sandbox/v1/reset", "{}").status()).isEqualTo(200);

        JsonNode seller = control().post("/sandbox/v1/sellers", "{}").json();
        String email = seller.get("email").asString();
        String developerId = control().post("/sandbox/v1/developers", "{}").json().get("developerId").asString();
        JsonClient.Response authorized = control().post("/sandbox/v1/authorizations",
                "{\"sellerId\":\"" + seller.get("sellerId").asString() + "\",\"developerId\":\"" + developerId + "\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(201);
        assertThat(control().post("/sandbox/v1/clock/advance", "{\"duration\":\"P340D\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(control().get("/sandbox/v1/mailbox?to=" + email).body()).contains("expires on"));
    }

    @Test
    void aResetSetsServiceStatusesBackToGreenAndKeepsTheKeysetCheck() {
        byte[] check = jdbc.sql("SELECT sealed FROM platform_keyset_check WHERE id = 1").query(byte[].class).single();
        assertThat(control().post("/sandbox/v1/service-status/Sellers",
                "{\"status\": \"RED\", \"messages\": [\"Down.\"]}").status()).isEqualTo(200);
        assertThat(board.get(ApiSection.SELLERS).status()).isEqualTo(ServiceStatusBoard.Status.RED);

        assertThat(control().post("/sandbox/v1/reset", "{}").status()).isEqualTo(200);

        assertThat(board.get(ApiSection.SELLERS).status()).isEqualTo(ServiceStatusBoard.Status.GREEN);
        assertThat(board.get(ApiSection.SELLERS).messages()).isEmpty();
        // The secrets sealed after the reset are sealed with the same keyset: its proof stays.
        assertThat(jdbc.sql("SELECT sealed FROM platform_keyset_check WHERE id = 1").query(byte[].class).single())
                .isEqualTo(check);
    }

    @Test
    void theClockKeepsItsOffsetUnlessTheResetAsksForRealTime() {
        assertThat(control().post("/sandbox/v1/clock/advance", "{\"duration\":\"P10D\"}").status()).isEqualTo(200);
        Duration ahead = clock.offset();
        assertThat(ahead).isGreaterThanOrEqualTo(Duration.ofDays(10));

        assertThat(control().post("/sandbox/v1/reset", "{\"clock\":\"keep\"}").status()).isEqualTo(200);
        assertThat(clock.offset()).isEqualTo(ahead);

        JsonClient.Response wrong = control().post("/sandbox/v1/reset", "{\"clock\":\"yesterday\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").asString()).isEqualTo("InvalidInput");
        assertThat(clock.offset()).isEqualTo(ahead);

        JsonClient.Response real = control().post("/sandbox/v1/reset", "{\"clock\":\"real\"}");
        assertThat(real.status()).as(real.body()).isEqualTo(200);
        assertThat(clock.offset()).isZero();
        assertThat(control().get("/sandbox/v1/clock").json().get("offset").asString()).isEqualTo("PT0S");
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list())
                .containsAll(jobs.recurringTaskNames());
    }
}
