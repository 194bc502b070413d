package io.openmws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxDeveloper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution that {@code package} leaves in {@code target/openmws}, run as a user runs it: {@code bin/openmws}
 * in a real process, straight or through a symlink on the PATH, with a home folder of the test's own. Failsafe runs
 * it after {@code package} ({@code ./mvnw verify}).
 */
@OpenMwsSandbox
class LauncherIT {

    /** Where the failsafe configuration says the distribution is; target/openmws when run from the IDE. */
    private static final Path DIST = Path.of(System.getProperty("openmws.dist", "target/openmws")).toAbsolutePath();

    @TempDir
    static Path home;

    private static Path launcher;

    @BeforeAll
    static void theDistributionIsBuilt() {
        launcher = DIST.resolve("bin/openmws");
        assertThat(launcher).as("run './mvnw package' first").isExecutable();
    }

    @Test
    void versionAndHelpRunWithoutJavaJar() {
        Run version = run(Map.of(), launcher, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("openmws " + OpenMws.version() + " (Java ");
        assertThat(version.err()).isEmpty();

        Run help = run(Map.of(), launcher, "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: openmws ").contains("configure", "Exit codes:", "Examples:");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void runsThroughSymlinksFromAnotherFolder() throws IOException {
        // ~/.local/bin/openmws -> the launcher, and a relative link to that link: the script must find lib/ anyway.
        Path bin = Files.createDirectories(home.resolve("local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("openmws"), launcher);
        Path relative = Files.createSymbolicLink(bin.resolve("mws"), Path.of("openmws"));

        for (Path command : List.of(link, relative)) {
            Run help = run(Map.of(), command, "--help");
            assertThat(help.exitCode()).as(help.toString()).isZero();
            assertThat(help.out()).startsWith("Usage: openmws ");
        }
    }

    @Test
    void anUnconfiguredHomeIsAUsageErrorOnOneLine() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty-openmws-home"));

        Run list = run(Map.of("OPENMWS_HOME", empty.toString()), launcher, "sellers", "list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(list.out()).isEmpty();
        assertThat(list.err().lines()).singleElement().asString().contains("not configured", "openmws configure");
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).as("nothing stored").isEmpty();
        }
    }

    @Test
    void configureFromEnvWorksThroughTheLauncher(Sandbox sandbox) throws IOException {
        SandboxDeveloper developer = sandbox.newDeveloper();
        Path openmwsHome = Files.createDirectories(home.resolve("ci-openmws-home"));
        Map<String, String> env = Map.of("OPENMWS_HOME", openmwsHome.toString(),
                "MWS_ENDPOINT", sandbox.baseUrl().toString(),
                "MWS_ACCESS_KEY_ID", developer.accessKeyId(),
                "MWS_SECRET_KEY", developer.secretKey());

        Run configure = run(env, launcher, "configure", "--from-env");

        assertThat(configure.exitCode()).as(configure.toString()).isZero();
        assertThat(configure.out() + configure.err()).doesNotContain(developer.secretKey());
        assertThat(openmwsHome.resolve("profiles/default/settings.properties")).content()
                .contains(sandbox.baseUrl().toString().replace(":", "\\:"));
        // The store was created and migrated: Flyway's INFO notes (two lines each by default) are not printed.
        assertThat(configure.err()).doesNotContain("INFO", "flyway", "Flyway");

        Run list = run(Map.of("OPENMWS_HOME", openmwsHome.toString()), launcher, "sellers", "list", "--output", "json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().strip()).as("no sellers yet").matches("\\[\\s*]");
        assertThat(list.err()).doesNotContain("INFO", "flyway", "Flyway");
    }

    @Test
    void severalProcessesUseOneProfileAtOnce(Sandbox sandbox) throws Exception {
        SandboxDeveloper developer = sandbox.newDeveloper();
        Path openmwsHome = Files.createDirectories(home.resolve("busy-openmws-home"));
        Map<String, String> env = Map.of("OPENMWS_HOME", openmwsHome.toString());
        Map<String, String> configureEnv = new HashMap<>(env);
        configureEnv.putAll(Map.of("MWS_ENDPOINT", sandbox.baseUrl().toString(),
                "MWS_ACCESS_KEY_ID", developer.accessKeyId(), "MWS_SECRET_KEY", developer.secretKey()));
        assertThat(run(configureEnv, launcher, "configure", "--from-env").exitCode()).isZero();

        // Each process opens the store's H2 file, which one process holds at a time: they take turns, none fails.
        ExecutorService processes = Executors.newFixedThreadPool(3);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                runs.add(processes.submit(() -> run(env, launcher, "sellers", "list", "--quiet")));
            }
            for (Future<Run> r : runs) {
                Run list = r.get(2, TimeUnit.MINUTES);
                assertThat(list.exitCode()).as(list.toString()).isZero();
                assertThat(list.err()).isEmpty();
            }
        } finally {
            processes.shutdownNow();
        }
    }

    @Test
    void generatesBashCompletionAndTheBuildShipsIt() throws IOException {
        Run completion = run(Map.of(), launcher, "generate-completion");

        assertThat(completion.exitCode()).as(completion.toString()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash")
                .containsPattern("(?m)^complete -F _complete_openmws .*\\bopenmws\\b");
        assertThat(DIST.resolve("completion/openmws.bash")).content(StandardCharsets.UTF_8).isEqualTo(completion.out());
    }

    @Test
    void theClassDataArchiveIsUsedInPlaceAndAStaleOrMissingOneNeverBreaksARun() throws IOException {
        Map<String, String> showClassLoading = Map.of("OPENMWS_JAVA_OPTS", "-Xlog:class+load=info");
        String fromArchive = "io.openmws.cli.OpenMws source: shared objects file";
        assertThat(DIST.resolve("lib/openmws.jsa")).as("the build dumps the archive").isRegularFile();
        Run inPlace = run(showClassLoading, launcher, "--version");
        assertThat(inPlace.exitCode()).as(inPlace.toString()).isZero();
        assertThat(inPlace.out()).contains(fromArchive);

        // A copy elsewhere (a space in its path, for the launcher's quoting): the archive names the jars where
        // they were dumped, so here it is stale.
        Path copy = home.resolve("moved openmws");
        copyTree(DIST, copy);
        Run stale = run(showClassLoading, copy.resolve("bin/openmws"), "--version");
        assertThat(stale.exitCode()).as(stale.toString()).isZero();
        assertThat(stale.out()).doesNotContain(fromArchive).contains("io.openmws.cli.OpenMws source: file:" + copy.toUri().getRawPath());
        assertThat(stale.err()).isEmpty();
        Run quiet = run(Map.of(), copy.resolve("bin/openmws"), "--version");
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.out()).startsWith("openmws ").doesNotContain("warning");
        assertThat(quiet.err()).isEmpty();

        Files.delete(copy.resolve("lib/openmws.jsa"));
        Run missing = run(Map.of(), copy.resolve("bin/openmws"), "--version");
        assertThat(missing.exitCode()).as(missing.toString()).isZero();
        assertThat(missing.out()).startsWith("openmws ");
        assertThat(missing.err()).isEmpty();
    }

    @Test
    void javaHomeAndJavaOptionsAreHonoured() throws IOException {
        Path noJava = Files.createDirectories(home.resolve("not-a-jdk"));
        Run wrongJava = run(Map.of("JAVA_HOME", noJava.toString()), launcher, "--version");
        assertThat(wrongJava.exitCode()).isEqualTo(1);
        assertThat(wrongJava.err()).startsWith("openmws: no Java found (" + noJava.resolve("bin/java") + ")");

        Run options = run(Map.of("OPENMWS_JAVA_OPTS", "-XX:+NoSuchOpenMwsOption"), launcher, "--version");
        assertThat(options.exitCode()).isNotZero();
        assertThat(options.err()).contains("NoSuchOpenMwsOption");

        Run javaHome = run(Map.of("JAVA_HOME", System.getProperty("java.home")), launcher, "--version");
        assertThat(javaHome.exitCode()).as(javaHome.toString()).isZero();
        assertThat(javaHome.out()).contains("(Java " + System.getProperty("java.version") + ")");
    }

    @Test
    void atATerminalHelpTakesItsWidthFromTheShellNotFromAProcessTheJvmStarts() {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "script(1) makes the pseudo-terminal");
        // script(1) runs the launcher on a pseudo-terminal; -Xlog shows whether picocli started 'stty' itself.
        String command = "COLUMNS=130 OPENMWS_JAVA_OPTS=-Xlog:class+load=info '" + launcher + "' --help";

        Run wide = run(Map.of(), script, "-qec", command, "/dev/null");

        assertThat(wide.exitCode()).as(wide.toString()).isZero();
        assertThat(wide.out()).contains("Usage: ").doesNotContain("java.lang.ProcessBuilder ");
        assertThat(wide.out().lines().filter(l -> !l.startsWith("["))
                .mapToInt(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").length()).max().orElse(0))
                .as("help as wide as the terminal, not picocli's 80 columns").isGreaterThan(100);
    }

    private record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * Runs a command with the test's home as HOME, none of the caller's OpenMWS or Java settings (a CI's
     * JAVA_TOOL_OPTIONS would print a line on standard error), and {@code env} on top.
     */
    private static Run run(Map<String, String> env, Path command, String... args) {
        List<String> line = new ArrayList<>();
        line.add(command.toString());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        for (String inherited : new HashMap<>(environment).keySet()) {
            if (inherited.startsWith("OPENMWS_") || inherited.startsWith("MWS_") || inherited.equals("JAVA_HOME")
                    || inherited.equals("JAVA_TOOL_OPTIONS") || inherited.equals("JDK_JAVA_OPTIONS")) {
                environment.remove(inherited);
            }
        }
        environment.put("HOME", home.toString());
        environment.putAll(env);
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(line + " did not end within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
