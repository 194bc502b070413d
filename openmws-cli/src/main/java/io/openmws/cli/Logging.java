package io.openmws.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The launcher's logging: the libraries below the CLI (Flyway opening the store, the SDK generating a keyset)
 * log through {@code java.util.logging}, whose default prints every INFO on two lines of standard error. A
 * command's own messages say what matters, so only warnings and errors of the SDK and other libraries are
 * printed, on one line each, and Flyway's notes about the store's schema (which it checks on every run) are
 * kept for its errors.
 *
 * <p>The settings are {@link Config}, which {@code java.util.logging} reads when something first logs: a command
 * that opens no store ({@code --help}, {@code call}) never starts {@code java.util.logging}, whose start (a
 * service lookup through every jar) would cost a tenth of its start-up.
 */
final class Logging {

    private Logging() {
    }

    /** Names {@link Config} as the configuration, unless the user gave one ({@code OPENMWS_JAVA_OPTS}); before anything logs. */
    static void configure() {
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.config.class", Config.class.getName());
        }
    }

    /** The configuration {@code java.util.logging}'s {@code LogManager} creates on its first use. */
    public static final class Config {

        private static final String SETTINGS = String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=WARNING",
                "org.flywaydb.level=SEVERE",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter",
                "java.util.logging.SimpleFormatter.format=openmws: %4$s: %5$s%6$s%n");

        /**
         * Reads the settings into the log manager.
         *
         * @throws IOException never: the settings are in memory
         */
        public Config() throws IOException {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(SETTINGS.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }
}
