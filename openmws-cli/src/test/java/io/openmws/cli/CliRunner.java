package io.openmws.cli;

import io.openmws.cli.config.Profiles;
import io.openmws.sdk.store.StoredSeller;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code openmws} in-process, as a user would type it, with a home folder of the test's own, an
 * environment of the test's choosing and what the user types on standard input; captures standard output,
 * standard error and the exit code.
 *
 * <pre>{@code
 * CliRunner cli = new CliRunner(home);
 * cli.configure(sandbox, developer);
 * CliRunner.Result r = cli.run("sellers", "list", "--output", "json");
 * assertThat(r.exitCode()).isZero();
 * }</pre>
 */
public final class CliRunner {

    /**
     * One run's outcome.
     *
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    public record Result(int exitCode, String out, String err) {
        /** For assertion messages. */
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    /**
     * A runner whose {@code ~} is {@code home} (the CLI keeps its profiles in {@code home/.openmws}).
     *
     * @param home a temporary folder
     */
    public CliRunner(Path home) {
        this.home = home;
    }

    /** Sets an environment variable for the runs that follow. */
    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Removes an environment variable. */
    public CliRunner unsetEnv(String name) {
        env.remove(name);
        return this;
    }

    /** The home folder. */
    public Path home() {
        return home;
    }

    /** Runs with nothing on standard input. */
    public Result run(String... args) {
        return runWithInput("", args);
    }

    /**
     * Runs with {@code input} on standard input (answers to questions, secrets one per line).
     *
     * @param input what the user types
     * @param args the arguments after {@code openmws}
     */
    public Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Terminal terminal = Terminal.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), o, e,
                    env, home);
            code = OpenMws.run(terminal, args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Stores an authorized seller straight into the default profile's store, as {@code sellers add} would after
     * its check, for tests of other verbs.
     *
     * @param grant the sandbox's authorization
     * @return the stored seller
     */
    public StoredSeller storeSeller(SandboxAuthorization grant) {
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), System.out, System.err, env, home);
        StoredSeller seller = StoredSeller.builder(grant.sellerId()).mwsAuthToken(grant.mwsAuthToken())
                .marketplaceIds(grant.marketplaces()).authorizedOn(LocalDate.ofInstant(grant.authorizedAt(), ZoneOffset.UTC))
                .build();
        Profiles.of(terminal).profile(null).store().add(seller);
        return seller;
    }

    /**
     * Configures the default profile for a sandbox developer, the way a CI script would
     * ({@code configure --from-env}), and fails when that does not work.
     *
     * @return the run's result
     */
    public Result configure(Sandbox sandbox, SandboxDeveloper developer, String... moreArgs) {
        env("MWS_ENDPOINT", sandbox.baseUrl().toString());
        env("MWS_ACCESS_KEY_ID", developer.accessKeyId());
        env("MWS_SECRET_KEY", developer.secretKey());
        String[] args = new String[moreArgs.length + 2];
        args[0] = "configure";
        args[1] = "--from-env";
        System.arraycopy(moreArgs, 0, args, 2, moreArgs.length);
        Result r = run(args);
        unsetEnv("MWS_ENDPOINT").unsetEnv("MWS_ACCESS_KEY_ID").unsetEnv("MWS_SECRET_KEY");
        if (r.exitCode() != 0) {
            throw new AssertionError("configure --from-env failed: " + r);
        }
        return r;
    }
}
