package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.OnBothDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Health for load balancers (issue 11, item 11): liveness and readiness groups, the database in
 * readiness only, and nothing but the status for anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class HealthTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    JsonClient anonymous() {
        return new JsonClient(port, null);
    }

    @Test
    void livenessAndReadinessAnswerUp() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            JsonClient.Response health = anonymous().get(path);

            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(path).isEqualTo("UP");
            // Status only: no components (db, diskSpace, ...) and no details for an anonymous caller.
            assertThat(health.body()).as(path).doesNotContain("components", "details", "db");
        }
    }

    @Test
    void theBenchmarksBareEndpointExistsOnlyInItsProfile() {
        JsonClient.Response bare = anonymous().get(BareEndpoint.PATH);

        // An anonymous visitor of a path the portal does not make public is sent to sign in.
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void aDatabaseThatDoesNotAnswerTakesTheNodeOutOfReadinessOnly() {
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);

        ((HikariDataSource) dataSource).close();

        JsonClient.Response readiness = anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
