package io.openmws.cli;

/**
 * The exit codes of {@code openmws}, as the README documents them.
 */
public final class ExitCode {

    /** Everything asked was done. */
    public static final int OK = 0;
    /** A call failed (an MWS error, no answer, a refused token), or a check found something to fix. */
    public static final int FAILED = 1;
    /** The command line was wrong (an unknown option, a missing or malformed value), or nothing is configured yet. */
    public static final int USAGE = 2;
    /** A bulk verb worked for some sellers and failed for others. */
    public static final int PARTIAL = 3;

    private ExitCode() {
    }
}
