package io.openmws.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the world around it: standard input, output and error, the environment,
 * the user's home folder, and whether a person is at a terminal. {@link #system()} is the real one; tests
 * build their own with {@link #of}, so that the whole command runs in-process on captured streams.
 *
 * <p>Secrets are read with {@link #readSecret}: without echo from the console when there is one, otherwise
 * one line of standard input (so that {@code printf '%s\n' "$SECRET" | openmws ...} works in scripts).
 */
public final class Terminal {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path userHome;
    private final Console console;
    private final boolean interactive;
    private BufferedReader lines;

    private Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path userHome,
                     Console console, boolean interactive) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.console = console;
        this.interactive = interactive;
    }

    /** The process's own streams, environment and home; interactive when a console is attached. */
    public static Terminal system() {
        Console console = System.console();
        return new Terminal(System.in, System.out, System.err, System.getenv(), Path.of(System.getProperty("user.home")),
                console, console != null);
    }

    /**
     * A terminal of given streams: no console, so secrets come from {@code in} line by line, and not
     * interactive (no progress bars, no colours).
     *
     * @param in what the user types
     * @param out standard output
     * @param err standard error
     * @param env the environment variables
     * @param userHome the home folder ({@code ~})
     */
    public static Terminal of(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path userHome) {
        return new Terminal(in, out, err, env, userHome, null, false);
    }

    /** Standard output: results. */
    public PrintStream out() {
        return out;
    }

    /** Standard error: messages, prompts and progress. */
    public PrintStream err() {
        return err;
    }

    /** An environment variable, when set and not blank. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The user's home folder. */
    public Path userHome() {
        return userHome;
    }

    /** Whether a person is at a terminal: progress bars are drawn and questions may be asked. */
    public boolean interactive() {
        return interactive;
    }

    /**
     * Asks for a line (a value that is not secret).
     *
     * @param prompt shown on standard error when interactive
     * @return the line, stripped; empty when the input ended
     */
    public Optional<String> readLine(String prompt) {
        if (console != null) {
            String line = console.readLine("%s", prompt);
            return Optional.ofNullable(line).map(String::strip);
        }
        return nextLine();
    }

    /**
     * Asks for a secret: without echo at a console, otherwise a line of standard input. The caller wipes the
     * array when done.
     *
     * @param prompt shown at the console
     * @return the secret; empty when the input ended or the line was blank
     */
    public Optional<char[]> readSecret(String prompt) {
        if (console != null) {
            char[] secret = console.readPassword("%s", prompt);
            if (secret == null || secret.length == 0) {
                return Optional.empty();
            }
            return Optional.of(secret);
        }
        return nextLine().filter(s -> !s.isEmpty()).map(String::toCharArray);
    }

    private Optional<String> nextLine() {
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
            }
            String line = lines.readLine();
            return Optional.ofNullable(line).map(String::strip);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard input", e);
        }
    }

    /** Overwrites a secret read by {@link #readSecret}. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public String toString() {
        return "Terminal[home " + userHome + (interactive ? ", interactive" : "") + "]";
    }
}
