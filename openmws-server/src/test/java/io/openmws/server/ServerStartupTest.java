package io.openmws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.OnBothDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The server starts on a real port, migrates its database and reports itself healthy, on both databases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ServerStartupTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthEndpointReportsUpWithTheDatabase() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void flywayAppliedEveryMigration() {
        var failed = jdbc.sql("SELECT count(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")
                .query(Long.class).single();
        var applied = jdbc.sql("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'")
                .query(Long.class).single();

        assertThat(failed).isZero();
        assertThat(applied).isEqualTo(1);
    }
}
