package io.openmws.cli;

/**
 * Ends a command with a one-line message on standard error and an exit code. Thrown anywhere below a
 * command's {@code call()}; {@link OpenMws} prints it. The message never holds a secret.
 */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    private CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * Wrong input: names the argument and what is expected. Exit 2.
     *
     * @param argument the option or parameter, as the user typed it ({@code --marketplace})
     * @param expected what would have been right, and what was given when it is not a secret
     */
    public static CliFailure usage(String argument, String expected) {
        return new CliFailure(ExitCode.USAGE, argument + ": " + expected, null);
    }

    /** Wrong use that no single argument explains (nothing configured yet, say). Exit 2. */
    public static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message, null);
    }

    /** Something that was tried failed. Exit 1. */
    public static CliFailure failed(String message) {
        return new CliFailure(ExitCode.FAILED, message, null);
    }

    /** Something that was tried failed for a reason {@code -x} should show. Exit 1. */
    public static CliFailure failed(String message, Throwable cause) {
        return new CliFailure(ExitCode.FAILED, message, cause);
    }

    /** The exit code: {@link ExitCode#USAGE} or {@link ExitCode#FAILED}. */
    public int exitCode() {
        return exitCode;
    }
}
