package io.openmws.sdk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code GetServiceStatus} ({@code docs/protocol.md} §8).
 *
 * @param status the section's status
 * @param timestamp when the endpoint evaluated it
 * @param messageId the id of the status message, when there is one
 * @param messages the status messages, possibly none
 * @param requestId the answer's request id
 */
public record ServiceStatus(Status status, Instant timestamp, Optional<String> messageId, List<Message> messages,
                            String requestId) {

    /** The four statuses MWS reports. */
    public enum Status {
        /** The service is operating normally. */
        GREEN,
        /** Operating normally, with more information in the messages. */
        GREEN_I,
        /** Elevated error rates or degraded performance. */
        YELLOW,
        /** Unavailable, or a significant interruption. */
        RED
    }

    /**
     * A status message.
     *
     * @param locale e.g. {@code en_US}
     * @param text the message
     */
    public record Message(String locale, String text) {
        /** Checks that nothing is null. */
        public Message {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Copies the messages. */
    public ServiceStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(messageId, "messageId");
        messages = List.copyOf(messages);
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Whether the service works normally ({@link Status#GREEN} or {@link Status#GREEN_I}). */
    public boolean isOperational() {
        return status == Status.GREEN || status == Status.GREEN_I;
    }
}
