package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.openmws.server.OpenMwsServer;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up failures come as one "APPLICATION FAILED TO START" report that names every problem and
 * what to do (issue 11, item 12). Each test starts the platform itself and expects it to refuse.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

    private static Throwable startFailure(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        if (all.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))) {
            all.add("--spring.datasource.url=jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        }
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(OpenMwsServer.class)
                .run(all.toArray(String[]::new)).close());
        assertThat(failure).as("the platform should refuse to start").isNotNull();
        return failure;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void productionWithoutItsSettingsNamesEveryMissingOneOnce(CapturedOutput output) {
        Throwable failure = startFailure("--openmws.mode=production", "--openmws.secrets.keyset-file=");

        assertThat(failure).isInstanceOf(StartupSettingsException.class);
        FailureAnalysis analysis = new StartupSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        for (String setting : List.of("openmws.base-url is not set", "spring.mail.host is not set",
                "No secrets keyset")) {
            assertThat(count(analysis.getDescription(), setting)).as(setting).isEqualTo(1);
        }
        assertThat(analysis.getAction()).contains("OPENMWS_BASE_URL", "SPRING_MAIL_HOST", "OPENMWS_SECRETS_KEYSET",
                "tinkey create-keyset");
        // The analyzer is registered: Boot prints its report, not a stack trace.
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("openmws.base-url is not set").contains("Action:");
    }

    @Test
    void productionNamesOnlyWhatIsMissingOrWrong() {
        Throwable failure = startFailure("--openmws.mode=production", "--spring.mail.host=localhost",
                "--openmws.secrets.keyset-file=target/test-data/no-such.keyset.json",
                "--openmws.base-url=sellercentral.example.com");

        List<StartupSettingsException.Problem> problems = ((StartupSettingsException) failure).problems();
        assertThat(problems).extracting(StartupSettingsException.Problem::description).satisfiesExactly(
                baseUrl -> assertThat(baseUrl).contains("openmws.base-url (sellercentral.example.com) is not an http"),
                keyset -> assertThat(keyset).contains("no-such.keyset.json").contains("does not exist"));
    }

    @Test
    void dataFoldersThatCannotBeWrittenStopTheStartAndAreNamed(@TempDir Path dir) throws Exception {
        // Root ignores permission bits, so the folders are made impossible by a file in their way.
        Path inTheWay = Files.writeString(dir.resolve("not-a-folder"), "a file where folders should be");

        Throwable failure = startFailure("--spring.datasource.url=jdbc:h2:file:" + inTheWay.resolve("db/openmws")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--openmws.secrets.keyset-file=" + inTheWay.resolve("keys/secrets.keyset.json"));

        assertThat(failure).isInstanceOf(StartupSettingsException.class);
        assertThat(((StartupSettingsException) failure).problems())
                .extracting(StartupSettingsException.Problem::description).satisfiesExactly(
                        db -> assertThat(db).contains(inTheWay.resolve("db").toString()).contains("spring.datasource.url"),
                        keys -> assertThat(keys).contains(inTheWay.resolve("keys").toString())
                                .contains("openmws.secrets.keyset-file"));
    }

    @Test
    void aMissingDataFolderIsCreatedOwnerOnly(@TempDir Path dir) {
        Path data = dir.resolve("fresh/data");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OpenMwsServer.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("openmws")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--openmws.secrets.keyset-file=" + data.resolve("secrets.keyset.json"),
                "--openmws.sandbox.operator-token-file=" + data.resolve("operator-token"))) {
            assertThat(app.isRunning()).isTrue();
        }
        for (Path folder : List.of(dir.resolve("fresh"), data)) {
            assertThat(PosixFilePermissions.toString(posixPermissions(folder))).as(folder.toString()).isEqualTo("rwx------");
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> posixPermissions(Path folder) {
        try {
            return Files.getPosixFilePermissions(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDatabaseFileAnotherProcessHoldsIsReportedAsSuch(@TempDir Path dir, CapturedOutput output) throws Exception {
        Path db = dir.resolve("held");
        String url = "jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Process holder = holdOpen(url, db);
        try {
            Throwable failure = startFailure("--spring.datasource.url=" + url);

            FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("analysis of %s", failure).isNotNull();
            assertThat(analysis.getDescription()).contains(db.toString()).contains("in use by another process");
            assertThat(analysis.getAction()).contains("Stop the other process").contains("spring.datasource.url");
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("in use by another process");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    /**
     * Opens the database in a second JVM (H2's own shell, waiting for input) and returns once it
     * holds the file: within one JVM, H2 would share the database instead of refusing it.
     */
    private static Process holdOpen(String url, Path db) throws Exception {
        String h2Jar = Path.of(Class.forName("org.h2.Driver").getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", h2Jar, "org.h2.tools.Shell", "-url", url, "-user", "sa",
                "-password", "").redirectErrorStream(true).start();
        // The shell prints its prompt once it has opened the database.
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (InputStreamReader out = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
                for (int c = out.read(); c >= 0; c = out.read()) {
                    seen.append((char) c);
                }
            } catch (java.io.IOException ended) {
                // the process went away
            }
        });
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (seen.indexOf("sql>") < 0) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("The second JVM did not open " + url + ": " + seen);
            }
            Thread.sleep(50);
        }
        return process;
    }
}
