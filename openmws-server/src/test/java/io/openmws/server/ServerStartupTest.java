package io.openmws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server starts on a real port, migrates its database and reports itself healthy, on both databases. */
class ServerStartupTest {

    abstract static class Startup {

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

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnH2 extends Startup {
        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            TestDatabases.h2(registry);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnPostgres extends Startup {
        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            TestDatabases.postgres(registry);
        }
    }
}
