package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What {@code GetServiceStatus} reports for each section: GREEN unless the sandbox operator sets
 * another status, so that clients' handling of YELLOW and RED can be tested.
 */
@Component
public class ServiceStatusBoard {

    /** The statuses MWS reports. */
    public enum Status { GREEN, GREEN_I, YELLOW, RED }

    /** A section's status, with an optional message id and messages (text in {@code en_US}). */
    public record SectionStatus(Status status, String messageId, List<String> messages) {
        public SectionStatus {
            Objects.requireNonNull(status, "status");
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    private static final SectionStatus GREEN = new SectionStatus(Status.GREEN, null, List.of());

    private final Map<ApiSection, SectionStatus> statuses = new EnumMap<>(ApiSection.class);

    public synchronized SectionStatus get(ApiSection section) {
        return statuses.getOrDefault(section, GREEN);
    }

    public synchronized void set(ApiSection section, SectionStatus status) {
        statuses.put(section, status);
    }
}
