package io.openmws.server.support;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StartupSettingsException} as Spring Boot's "APPLICATION FAILED TO START" block:
 * every problem under "Description", what to do about each under "Action". Registered in
 * {@code META-INF/spring.factories}.
 */
public class StartupSettingsFailureAnalyzer extends AbstractFailureAnalyzer<StartupSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupSettingsException cause) {
        String description = "OpenMWS cannot start with its current settings ("
                + cause.problems().size() + (cause.problems().size() == 1 ? " problem" : " problems") + "):\n"
                + cause.problems().stream().map(p -> "  - " + p.description()).collect(Collectors.joining("\n"));
        String action = cause.problems().stream().map(p -> "  - " + p.action()).collect(Collectors.joining("\n"))
                + "\nSettings can be given in application.yml beside the jar, as --name=value arguments, or as"
                + " environment variables (openmws.base-url is OPENMWS_BASE_URL).";
        return new FailureAnalysis(description, action, cause);
    }
}
