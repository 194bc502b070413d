package io.openmws.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.gateway.MwsOperation;
import io.openmws.server.gateway.RegisteredOperations;
import io.openmws.server.testing.OnBothDatabases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile input on the MWS API (issue 18), the build's slice: a few thousand generated requests of a
 * fixed seed ({@link RequestFuzzer}), over HTTP on a real port, each answer checked by
 * {@link AnswerCheck}: no 5xx, and a well-formed {@code ErrorResponse} or success answer every time.
 * {@code -Dopenmws.fuzz.count=N} and {@code -Dopenmws.fuzz.seed=S} change the size and the seed;
 * {@code bench/fuzz/run.sh} runs 100,000 against the packaged jar on PostgreSQL (RELIABILITY.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class HostileInputTest {

    static final String TOKEN = "hostile-input-" + UUID.randomUUID();
    static final int COUNT = Integer.getInteger("openmws.fuzz.count", 3000);
    static final long SEED = Long.getLong("openmws.fuzz.seed", 18);

    private static final Logger log = LoggerFactory.getLogger(HostileInputTest.class);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyRegisteredOperationIsFuzzed() {
        List<String> registered = RegisteredOperations.of(context).stream()
                .map((MwsOperation op) -> op.section().sectionName() + "/" + op.action()).toList();
        assertThat(FuzzOperations.all().keySet())
                .as("the fuzz's operations (FuzzOperations) against the gateway's registry")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void theGeneratorIsDeterministic() {
        RequestFuzzer.Scene scene = new RequestFuzzer.Scene("localhost:1", "A1", "AKIA", "secret", "amzn.mws.x", "A2",
                java.util.Map.of());
        for (long i = 0; i < 200; i++) {
            FuzzRequest a = new RequestFuzzer(scene, SEED).request(i);
            FuzzRequest b = new RequestFuzzer(scene, SEED).request(i);
            assertThat(List.of(a.operation(), a.mutation(), a.method(), a.headers().toString()))
                    .isEqualTo(List.of(b.operation(), b.mutation(), b.method(), b.headers().toString()));
        }
    }

    @Test
    void generatedRequestsGetWellFormedAnswersAndNoServerError() throws Exception {
        ApiFuzz fuzz = new ApiFuzz("http://localhost:" + port, TOKEN);
        ApiFuzz.Result result = fuzz.run(fuzz.scene(), COUNT, SEED, 4);
        log.info("Hostile input, seed {}:\n{}", SEED, result.table());
        assertThat(result.problemCount()).as(result.table()).isZero();
        assertThat(result.byOutcome()).as("signed calls that got through to the operations").containsKey("200");
    }
}
