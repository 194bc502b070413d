package io.openmws.cli;

import io.openmws.cli.bulk.FeedsCommand;
import io.openmws.cli.bulk.OrdersCommand;
import io.openmws.cli.bulk.ReportsCommand;
import io.openmws.cli.call.CallCommand;
import io.openmws.cli.config.ConfigureCommand;
import io.openmws.cli.doctor.DoctorCommand;
import io.openmws.cli.sellers.SellersCommand;
import io.openmws.sdk.MwsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code openmws}: the integrator's command. The top command holds the options every verb inherits
 * ({@code --profile}, {@code --output}, {@code --quiet}, {@code -v}, {@code -x}) and turns failures into one
 * line on standard error and an {@link ExitCode}.
 *
 * <p>{@link #run} runs a command line in-process against any {@link Terminal}; {@link #main} is the launcher's.
 */
@Command(name = "openmws", mixinStandardHelpOptions = true, versionProvider = OpenMws.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = {"The MWS integrator's command: keep your developer keys and the sellers who authorized you in an"
                + " encrypted store, call any MWS operation for them, and sync orders, submit feeds and fetch reports"
                + " for all of them at once."},
        subcommands = {ConfigureCommand.class, SellersCommand.class, CallCommand.class, DoctorCommand.class,
            OrdersCommand.class, FeedsCommand.class, ReportsCommand.class, AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  a call failed, or a check found something to fix",
            "  2  usage: a wrong or missing argument, or no profile configured yet",
            "  3  a bulk verb failed for some sellers and worked for others",
            "",
            "Examples:",
            "  openmws configure --endpoint http://localhost:8080",
            "  openmws sellers add --seller-id A2986ZQ066CH2F --marketplace ATVPDKIKX0DER",
            "  openmws sellers list --output json",
            "  openmws call Sellers ListMarketplaceParticipations --seller A2986ZQ066CH2F",
            "  source <(openmws generate-completion)"})
public final class OpenMws {

    private final Cli cli;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The profile (one developer account and its sellers); default: $OPENMWS_PROFILE or 'default'.")
    private String profileName;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table (default), json or csv.")
    private Output.Format outputFormat = Output.Format.TABLE;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print results only: no messages, no progress.")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Describe every HTTP request (action, seller, status, time, RequestId) on standard error.")
    private boolean verbose;

    @Option(names = {"-x", "--stack-traces"}, scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    private boolean stackTraces;

    private OpenMws(Terminal terminal) {
        this.cli = new Cli(terminal, this);
    }

    /** The launcher's entry point: runs on the process's terminal and exits with the command's code. */
    public static void main(String[] args) {
        Logging.configure();
        System.exit(run(Terminal.system(), args));
    }

    /**
     * Runs one command line.
     *
     * @param terminal the streams, environment and home to run with
     * @param args the arguments after {@code openmws}
     * @return the exit code ({@link ExitCode})
     */
    public static int run(Terminal terminal, String... args) {
        int code = commandLine(terminal).execute(args);
        terminal.out().flush();
        terminal.err().flush();
        return code;
    }

    /** The whole command tree as {@link #run} executes it (tests parse the help's examples with it). */
    static CommandLine commandLine(Terminal terminal) {
        OpenMws top = new OpenMws(terminal);
        return new CommandLine(top)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(terminal.out(), true))
                .setErr(new PrintWriter(terminal.err(), true))
                .setParameterExceptionHandler(top::usageError)
                .setExecutionExceptionHandler(top::failure);
    }

    Cli cli() {
        return cli;
    }

    String profileName() {
        return profileName;
    }

    Output.Format outputFormat() {
        return outputFormat;
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    boolean stackTraces() {
        return stackTraces;
    }

    /** A command line picocli could not read: one line naming the argument, and where help is. */
    private int usageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        cli.terminal().err().println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
        return ExitCode.USAGE;
    }

    /** A command that threw: one line (the MWS code and RequestId of a failed call), the trace with {@code -x}. */
    private int failure(Exception e, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        int code;
        String message;
        if (e instanceof CliFailure f) {
            code = f.exitCode();
            message = f.getMessage();
        } else if (e instanceof MwsException m) {
            code = ExitCode.FAILED;
            message = m.getMessage(); // code, HTTP status, message, RequestId and a hint, on one line
        } else {
            code = ExitCode.FAILED;
            // One line, whatever the library's message (Flyway's have tables): the rest is for -x.
            message = "unexpected failure: " + e.toString().lines().findFirst().orElse(e.getClass().getName())
                    + (stackTraces ? "" : " (run again with -x for the stack trace)");
        }
        cli.terminal().err().println(name + ": " + message);
        if (stackTraces) {
            e.printStackTrace(cli.terminal().err());
        }
        cli.terminal().err().flush();
        return code;
    }

    /** The version, from the build. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = OpenMws.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    /** {@code openmws --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"openmws " + version() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
