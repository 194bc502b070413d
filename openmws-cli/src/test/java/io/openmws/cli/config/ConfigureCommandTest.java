package io.openmws.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxDeveloper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openmws configure} against the platform: what it stores, where, and what it refuses. */
@OpenMwsSandbox(shared = true)
class ConfigureCommandTest {

    @TempDir
    Path home;

    @Test
    void fromEnvTriesTheKeyAndKeepsItEncryptedInAnOwnerOnlyFolder(Sandbox sandbox) throws IOException {
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = new CliRunner(home);

        CliRunner.Result saved = cli.configure(sandbox, developer);

        assertThat(saved.err()).contains("Saved profile 'default'", developer.accessKeyId(),
                developer.secretKey().substring(0, 4) + "…", "the endpoint accepted the key");
        assertThat(saved.err() + saved.out()).doesNotContain(developer.secretKey());
        Path dir = home.resolve(".openmws/profiles/default");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("settings.properties"))))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(developer.secretKey());
            }
        }

        CliRunner.Result shown = cli.run("configure", "--show", "--output", "json");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("\"endpoint\" : \"" + sandbox.baseUrl() + "\"",
                "\"accessKeyId\" : \"" + developer.accessKeyId() + "\"",
                "\"secretKey\" : \"" + developer.secretKey().substring(0, 4) + "…\"").doesNotContain(developer.secretKey());
    }

    @Test
    void questionsAreAskedForWhatNoOptionGaveAndProfilesAreSeparate(Sandbox sandbox) {
        SandboxDeveloper us = sandbox.newDeveloper();
        SandboxDeveloper eu = sandbox.newDeveloper();
        CliRunner cli = new CliRunner(home);
        cli.configure(sandbox, us);

        CliRunner.Result asked = cli.runWithInput(sandbox.baseUrl() + "\n" + eu.accessKeyId() + "\n" + eu.secretKey() + "\n",
                "configure", "--profile", "eu", "--application", "AcmeSync", "--application-version", "2.1");

        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        assertThat(cli.run("configure", "--show").out()).contains(us.accessKeyId()).doesNotContain(eu.accessKeyId());
        assertThat(cli.run("--profile", "eu", "configure", "--show").out()).contains(eu.accessKeyId(), "AcmeSync/2.1");

        // Enter keeps each current value; only the application changes.
        CliRunner.Result kept = cli.runWithInput("\n\n\n", "configure", "--profile", "eu", "--application", "Other");
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(cli.run("configure", "--profile", "eu", "--show").out()).contains(eu.accessKeyId(), "Other/2.1");
    }

    @Test
    void aKeyTheEndpointRefusesStoresNothing(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = new CliRunner(home);
        String wrongSecret = "x".repeat(40);

        CliRunner.Result refused = cli.runWithInput(wrongSecret + "\n", "configure", "--endpoint",
                sandbox.baseUrl().toString(), "--access-key-id", developer.accessKeyId());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).startsWith("openmws configure: SignatureDoesNotMatch").contains("Nothing was saved")
                .doesNotContain(wrongSecret);
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(home.resolve(".openmws/profiles/default/settings.properties")).doesNotExist();
        assertThat(cli.run("configure", "--show").exitCode()).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineNamingTheArgumentWithExitTwo(Sandbox sandbox) {
        CliRunner cli = new CliRunner(home);

        CliRunner.Result badKey = cli.run("configure", "--endpoint", "http://localhost:1", "--access-key-id", "AKIA-short");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).isEqualTo("openmws configure: --access-key-id: expected 20 letters and digits, like"
                + " AKIAIOSFODNN7EXAMPLE; got 'AKIA-short' (10 characters)\n");

        CliRunner.Result badUrl = cli.run("configure", "--endpoint", "ftp://example.com", "--no-check");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("openmws configure: --endpoint: expected an http(s) URL").hasLineCount(1);

        cli.env("MWS_ENDPOINT", "EU").env("MWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        CliRunner.Result noSecret = cli.run("configure", "--from-env");
        assertThat(noSecret.exitCode()).isEqualTo(2);
        assertThat(noSecret.err()).isEqualTo("openmws configure: MWS_SECRET_KEY: expected the Secret Key in the"
                + " environment for --from-env; the variable is not set\n");

        CliRunner.Result unknown = cli.run("configure", "--secret-key", "abc");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("openmws configure: Unknown options: '--secret-key', 'abc'")
                .endsWith("(see 'openmws configure --help')\n").hasLineCount(1);

        CliRunner.Result badProfile = cli.run("--profile", "../etc", "configure", "--show");
        assertThat(badProfile.exitCode()).isEqualTo(2);
        assertThat(badProfile.err()).startsWith("openmws configure: --profile: expected 1 to 40 letters");

        assertThat(home.resolve(".openmws")).doesNotExist();
    }

    @Test
    void aRegionNameMeansItsRealEndpoint() {
        CliRunner cli = new CliRunner(home);

        CliRunner.Result saved = cli.runWithInput("x".repeat(40) + "\n", "configure", "--endpoint", "fe",
                "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--no-check");

        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(cli.run("configure", "--show").out()).contains("https://mws-fe.amazonservices.com");
    }

    @Test
    void helpAndVersionNeedNoProfile() {
        CliRunner cli = new CliRunner(home);

        CliRunner.Result help = cli.run("configure", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: openmws configure", "--from-env", "Examples:");

        CliRunner.Result version = cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("openmws \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .*\\)\\n");
        assertThat(home.resolve(".openmws")).doesNotExist();
    }
}
