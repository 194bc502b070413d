package io.openmws.cli;

import io.openmws.cli.config.Profile;
import io.openmws.cli.config.Profiles;
import io.openmws.sdk.MwsCallListener;
import io.openmws.sdk.MwsClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command works with during one run: the terminal, the output in the chosen format, the chosen
 * profile, and the global options. A command reaches it with {@code Cli.of(spec)} from its injected
 * {@code @Spec}.
 *
 * <pre>{@code
 * @Spec CommandSpec spec;
 * public Integer call() {
 *     Cli cli = Cli.of(spec);
 *     MwsClient client = cli.client();
 *     cli.output().print(table);
 *     return ExitCode.OK;
 * }
 * }</pre>
 */
public final class Cli {

    private final Terminal terminal;
    private final OpenMws options;
    private Profile profile;

    Cli(Terminal terminal, OpenMws options) {
        this.terminal = terminal;
        this.options = options;
    }

    /** The run's context, from any command's spec. */
    public static Cli of(CommandSpec spec) {
        return ((OpenMws) spec.root().userObject()).cli();
    }

    /** The terminal. */
    public Terminal terminal() {
        return terminal;
    }

    /** The output, in the format of {@code --output}, silenced as {@code --quiet} says. */
    public Output output() {
        return new Output(terminal, options.outputFormat(), options.quiet());
    }

    /** Whether {@code -v} was given: say more about each call. */
    public boolean verbose() {
        return options.verbose();
    }

    /** Whether {@code --quiet} was given. */
    public boolean quiet() {
        return options.quiet();
    }

    /** Whether {@code -x} was given: show the stack trace of a failure (bulk verbs: of each failed seller). */
    public boolean stackTraces() {
        return options.stackTraces();
    }

    /** The profiles under the home folder. */
    public Profiles profiles() {
        return Profiles.of(terminal);
    }

    /** The profile chosen with {@code --profile} (or {@code OPENMWS_PROFILE}, or {@code default}). */
    public synchronized Profile profile() {
        if (profile == null) {
            profile = profiles().profile(options.profileName());
        }
        return profile;
    }

    /**
     * A client of the chosen profile; with {@code -v}, each HTTP request is described on standard error
     * (action, seller, status, time, RequestId; never a secret).
     *
     * @param listeners more listeners, e.g. a progress display
     * @throws CliFailure (usage) when the profile is not configured
     */
    public MwsClient client(MwsCallListener... listeners) {
        List<MwsCallListener> all = new ArrayList<>(List.of(listeners));
        if (options.verbose()) {
            all.add(event -> {
                terminal.err().println("openmws: " + event.section() + "/" + event.action()
                        + event.sellerId().map(s -> " for " + s).orElse("") + " -> HTTP " + event.httpStatus()
                        + event.errorCode().map(c -> " " + c).orElse("") + " in " + event.elapsed().toMillis() + " ms"
                        + event.requestId().map(r -> " (RequestId " + r + ")").orElse("")
                        + (event.willRetry() ? ", retrying" : ""));
                terminal.err().flush();
            });
        }
        return profile().client(all.toArray(MwsCallListener[]::new));
    }
}
