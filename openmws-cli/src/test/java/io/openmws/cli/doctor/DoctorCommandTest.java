package io.openmws.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openmws doctor} against the platform, a dead port and broken profiles. */
@OpenMwsSandbox(shared = true)
class DoctorCommandTest {

    @TempDir
    Path home;

    private CliRunner configured(Sandbox sandbox, SandboxDeveloper developer) {
        sandbox.throttling(developer, false);
        CliRunner cli = new CliRunner(home);
        cli.configure(sandbox, developer);
        return cli;
    }

    private static CliRunner.Result addSeller(CliRunner cli, SandboxAuthorization grant, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"sellers", "add", "--seller-id", grant.sellerId(), "--marketplace", "ATVPDKIKX0DER"},
                0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        CliRunner.Result r = cli.runWithInput(grant.mwsAuthToken() + "\n", args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static String line(CliRunner.Result r, String check) {
        return r.out().lines().filter(l -> l.startsWith(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + check + " in " + r));
    }

    @Test
    void allOkWhenEverythingWorks(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = configured(sandbox, developer);
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        addSeller(cli, grant, "--name", "Acme");

        CliRunner.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
        assertThat(doctor.out().lines().findFirst().orElseThrow()).matches("CHECK +RESULT +DETAIL");
        assertThat(line(doctor, "profile")).contains("OK", "(owner-only)");
        assertThat(line(doctor, "endpoint")).matches("endpoint +OK +" + sandbox.baseUrl() + " answered GetServiceStatus in \\d+ ms");
        assertThat(line(doctor, "clock")).matches("clock +OK +this machine is .* the endpoint \\(±\\d+ ms\\)");
        assertThat(line(doctor, "access key")).contains("OK", developer.accessKeyId());
        assertThat(line(doctor, "service status")).matches("service status +OK +GREEN");
        assertThat(line(doctor, "seller " + grant.sellerId() + " (Acme)")).contains("OK", "authorized until "
                + LocalDate.now(ZoneOffset.UTC).plusMonths(12));
        assertThat(doctor.out().lines()).hasSize(7);
        assertThat(doctor.err()).isEqualTo("All checks passed.\n");

        CliRunner.Result json = cli.run("doctor", "--output", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("[ {").contains("\"check\" : \"clock\"", "\"result\" : \"OK\"", "\"detail\" : ")
                .doesNotContain("WARN", "FAIL");
    }

    @Test
    void aRevokedSellerFailsAndAnExpiringOneWarns(Sandbox sandbox) {
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = configured(sandbox, developer);
        SandboxAuthorization revoked = sandbox.authorize(sandbox.newSeller(), developer);
        SandboxAuthorization expiring = sandbox.authorize(sandbox.newSeller(), developer);
        LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(350);
        addSeller(cli, revoked);
        addSeller(cli, expiring, "--authorized-on", longAgo.toString());

        CliRunner.Result warned = cli.run("doctor");
        assertThat(warned.exitCode()).as(warned.toString()).isZero();
        assertThat(line(warned, "seller " + expiring.sellerId())).contains("WARN", "expires on " + longAgo.plusMonths(12),
                "ask the seller to renew");
        assertThat(warned.err()).isEqualTo("0 failed, 1 warning: see DETAIL for what to fix.\n");

        sandbox.revoke(revoked);
        CliRunner.Result failed = cli.run("doctor");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(line(failed, "seller " + revoked.sellerId())).contains("FAIL", "AccessDenied",
                "ask the seller to authorize you again");
        assertThat(failed.out().lines().filter(l -> l.contains(" FAIL "))).hasSize(1);
        assertThat(failed.err()).isEqualTo("1 failed, 1 warning: see DETAIL for what to fix.\n");
        assertThat(line(cli.run("sellers", "list"), revoked.sellerId())).endsWith("ACCESS DENIED");
    }

    @Test
    void anEndpointThatDoesNotListenIsOneFailAndNoTrace(Sandbox sandbox) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = new CliRunner(home).env("MWS_ENDPOINT", "http://localhost:" + port)
                .env("MWS_ACCESS_KEY_ID", developer.accessKeyId()).env("MWS_SECRET_KEY", developer.secretKey());
        assertThat(cli.run("configure", "--from-env", "--no-check").exitCode()).isZero();

        CliRunner.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(line(doctor, "endpoint")).contains("FAIL", "http://localhost:" + port + " did not answer",
                "check the URL with 'openmws configure --show'");
        assertThat(doctor.out().lines().filter(l -> l.contains(" FAIL "))).hasSize(1);
        for (String skipped : List.of("clock", "access key", "service status", "sellers")) {
            assertThat(line(doctor, skipped)).contains("SKIPPED", "the endpoint did not answer");
        }
        assertThat(doctor.out() + doctor.err()).doesNotContain("\tat ");
        assertThat(doctor.err()).isEqualTo("1 failed, 0 warnings: see DETAIL for what to fix.\n");
    }

    @Test
    void aWrongSecretKeyOrNoProfileSaysRunConfigure(Sandbox sandbox) throws IOException {
        CliRunner cli = new CliRunner(home);
        CliRunner.Result nothing = cli.run("doctor");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(line(nothing, "profile")).contains("FAIL", "profile 'default' is not configured: run 'openmws configure'");
        assertThat(home.resolve(".openmws")).doesNotExist();

        SandboxDeveloper developer = sandbox.newDeveloper();
        sandbox.throttling(developer, false);
        cli.env("MWS_ENDPOINT", sandbox.baseUrl().toString()).env("MWS_ACCESS_KEY_ID", developer.accessKeyId())
                .env("MWS_SECRET_KEY", "x".repeat(40));
        assertThat(cli.run("configure", "--from-env", "--no-check").exitCode()).isZero();

        CliRunner.Result wrongKey = cli.run("doctor");
        assertThat(wrongKey.exitCode()).as(wrongKey.toString()).isEqualTo(1);
        assertThat(line(wrongKey, "endpoint")).contains("OK");
        assertThat(line(wrongKey, "access key")).contains("FAIL", "SignatureDoesNotMatch", "run 'openmws configure'")
                .doesNotContain("x".repeat(40));

        Path dir = home.resolve(".openmws/profiles/default");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(line(cli.run("doctor"), "profile")).contains("WARN", "was rwxr-xr-x, readable by others",
                "chmod 700 " + dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(line(cli.run("doctor"), "profile")).contains("OK", "(owner-only)");
    }

    @Test
    void aServiceThatIsNotGreenIsAWarningWithItsMessage(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        CliRunner cli = configured(sandbox, developer);
        setSellersStatus(sandbox, "{\"status\":\"YELLOW\",\"messages\":[\"Answers are slow in NA\"]}");
        try {
            CliRunner.Result doctor = cli.run("doctor");

            assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
            assertThat(line(doctor, "service status")).matches("service status +WARN +YELLOW: Answers are slow in NA;"
                    + " calls may fail or be slow until it is GREEN again");
        } finally {
            setSellersStatus(sandbox, "{\"status\":\"GREEN\"}"); // the platform is shared with other classes
        }
    }

    /** The sandbox's control API for GetServiceStatus, which {@link Sandbox} does not wrap. */
    private static void setSellersStatus(Sandbox sandbox, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        sandbox.baseUrl().resolve("/sandbox/v1/service-status/Sellers"))
                .header("Authorization", "Bearer " + sandbox.operatorToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void clockSkewIsJudgedAfterGrantingHalfTheRoundTrip() {
        record Row(String description, Duration skew, Duration roundTrip, DoctorCommand.Result expected) {
        }
        List<Row> rows = List.of(
                new Row("in step", Duration.ZERO, Duration.ofMillis(20), DoctorCommand.Result.OK),
                new Row("5 minutes behind exactly", Duration.ofMinutes(5), Duration.ZERO, DoctorCommand.Result.OK),
                new Row("just over 5 minutes ahead", Duration.ofMinutes(-5).minusMillis(1), Duration.ZERO,
                        DoctorCommand.Result.WARN),
                new Row("6 minutes, but a 4 minute round trip leaves 4", Duration.ofMinutes(6), Duration.ofMinutes(4),
                        DoctorCommand.Result.OK),
                new Row("15 minutes exactly", Duration.ofMinutes(15), Duration.ZERO, DoctorCommand.Result.WARN),
                new Row("16 minutes behind", Duration.ofMinutes(16), Duration.ofMillis(100), DoctorCommand.Result.FAIL),
                new Row("an hour ahead", Duration.ofHours(-1), Duration.ofSeconds(1), DoctorCommand.Result.FAIL),
                new Row("16 minutes, a 4 minute round trip leaves 14", Duration.ofMinutes(16), Duration.ofMinutes(4),
                        DoctorCommand.Result.WARN));
        for (Row row : rows) {
            assertThat(DoctorCommand.judgeSkew(row.skew(), row.roundTrip())).as(row.description()).isEqualTo(row.expected());
        }
    }

    @Test
    void helpHasExamples() {
        CliRunner.Result help = new CliRunner(home).run("doctor", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: openmws doctor", "Examples:", "openmws doctor --output json");
    }
}
