package io.openmws.server.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform's settings cannot work: thrown once at start by {@link StartupChecks} with every
 * problem found, and turned into Spring Boot's "APPLICATION FAILED TO START" report by
 * {@link StartupSettingsFailureAnalyzer}. Messages name settings and paths, never a secret.
 */
public class StartupSettingsException extends RuntimeException {

    /**
     * One thing wrong.
     *
     * @param description what is wrong, naming the setting or path
     * @param action      what to do about it
     */
    public record Problem(String description, String action) {}

    private final List<Problem> problems;

    StartupSettingsException(List<Problem> problems) {
        super("OpenMWS cannot start with these settings:" + problems.stream()
                .map(p -> "\n - " + p.description() + " " + p.action())
                .collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
