package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openmws.server.OpenMwsServer;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.MwsClient;
import io.openmws.server.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several nodes on one database need one secrets keyset (issue 18): a node whose keyset cannot open
 * the secrets already stored refuses to start and says which keyset it used and what to do, instead
 * of answering every signed call with an {@code InternalError}. Each run starts the platform several
 * times on one database, on H2 and on PostgreSQL.
 */
class KeysetCheckTest {

    private static final String TOKEN = "keyset-check-" + UUID.randomUUID();

    private static ConfigurableApplicationContext start(TestDatabases.Database db, String... keyset) {
        List<String> args = new ArrayList<>(List.of(db.asArguments()));
        args.addAll(List.of("--server.port=0", "--openmws.sandbox.operator-token=" + TOKEN));
        args.addAll(List.of(keyset));
        return new SpringApplicationBuilder(OpenMwsServer.class).run(args.toArray(String[]::new));
    }

    private static String[] inline(String keysetJson) {
        return new String[] {"--openmws.secrets.keyset-file=", "--openmws.secrets.keyset=" + keysetJson};
    }

    /** The start-up report of a node that must refuse to start. */
    private static FailureAnalysis refusal(TestDatabases.Database db, String... keyset) {
        Throwable failure = catchThrowable(() -> start(db, keyset).close());
        assertThat(failure).as("the node should refuse to start").isNotNull();
        FailureAnalysis analysis = new StartupSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a StartupSettingsException in %s", failure).isNotNull();
        return analysis;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static long checkRows(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("SELECT count(*) FROM platform_keyset_check").query(Long.class).single();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aNodeWhoseKeysetCannotOpenTheDatabasesSecretsRefusesToStart(TestDatabases.Kind kind, @TempDir Path dir)
            throws Exception {
        TestDatabases.Database db = TestDatabases.newDatabase(kind);
        String keyset = SecretSealer.newKeysetJson();
        String otherKeyset = SecretSealer.newKeysetJson();
        try (ConfigurableApplicationContext first = start(db, inline(keyset))) {
            // The first node on an empty database records its keyset.
            assertThat(checkRows(first)).isOne();
            Fixtures.Developer dev = new Fixtures(port(first), TOKEN).developer();
            // As a database migrated from before the check would be: secrets, and no check row.
            first.getBean(JdbcClient.class).sql("DELETE FROM platform_keyset_check").update();

            FailureAnalysis upgrade = refusal(db, inline(otherKeyset));

            assertThat(upgrade.getDescription())
                    .contains("openmws.secrets.keyset (OPENMWS_SECRETS_KEYSET)")
                    .contains("sealed with another keyset")
                    .contains("the Secret Key of access key " + dev.accessKeyId())
                    .doesNotContain(otherKeyset).doesNotContain(dev.secretKey());
            assertThat(upgrade.getAction()).contains("same keyset").contains("openmws.secrets.keyset-file")
                    .contains("OPENMWS_SECRETS_KEYSET");
            assertThat(checkRows(first)).as("a refused node records nothing").isZero();

            // A node with the right keyset opens the stored secret, records the check and serves signed calls.
            try (ConfigurableApplicationContext second = start(db, inline(keyset))) {
                assertThat(checkRows(second)).isOne();
                MwsClient.Answer status = new MwsClient(port(second)).signedPost("/Sellers/2011-07-01",
                        dev.accessKeyId(), dev.secretKey(),
                        new TreeMap<>(Map.of("Action", "GetServiceStatus", "Version", "2011-07-01")));
                assertThat(status.status()).as(status.body()).isEqualTo(200);
            }

            // A sandbox node left to make its own keyset, as every node did before the check.
            Path own = dir.resolve("node-c/secrets.keyset.json");
            FailureAnalysis generated = refusal(db, "--openmws.secrets.keyset-file=" + own);

            assertThat(generated.getDescription())
                    .contains("the keyset file " + own.toAbsolutePath().normalize() + ", from openmws.secrets.keyset-file")
                    .contains("generated it just now")
                    .contains("the keyset check that the first node on this database sealed");
            assertThat(generated.getDescription() + generated.getAction()).doesNotContain(Files.readString(own));
        }
    }
}
