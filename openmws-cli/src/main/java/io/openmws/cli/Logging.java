package io.openmws.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's logging: the libraries below the CLI (Flyway opening the store, the SDK generating a keyset)
 * log through {@code java.util.logging}, whose default prints every INFO on two lines of standard error. A
 * command's own messages say what matters, so only warnings and errors of the SDK and other libraries are
 * printed, on one line each, and Flyway's notes about the store's schema (which it checks on every run) are
 * kept for its errors.
 */
final class Logging {

    /** Kept here: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private Logging() {
    }

    /** Sets the levels and the one-line format; before anything logs. */
    static void configure() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "openmws: %4$s: %5$s%6$s%n");
        }
        ROOT.setLevel(Level.WARNING);
        FLYWAY.setLevel(Level.SEVERE);
    }
}
