package io.openmws.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request of a call, as a {@link MwsCallListener} hears of it. Holds no secret.
 *
 * @param section the API section, e.g. {@code Sellers}
 * @param action the operation, e.g. {@code ListMarketplaceParticipations}
 * @param sellerId the Seller ID the call was for; empty for calls without a seller ({@code GetServiceStatus})
 * @param attempt 1 for the first request of the call, 2 for the first retry, ...
 * @param httpStatus the answer's status; 0 when there was no answer
 * @param errorCode the MWS error code of an error answer (or the kind's name for a failure without one)
 * @param errorKind the kind of the error, for error answers
 * @param requestId the answer's request id, when it had one
 * @param elapsed from sending to the end of reading the answer
 * @param willRetry whether the client sends the call again
 */
public record MwsCallEvent(String section, String action, Optional<String> sellerId, int attempt, int httpStatus,
                           Optional<String> errorCode, Optional<MwsException.Kind> errorKind, Optional<String> requestId,
                           Duration elapsed, boolean willRetry) {

    /** Checks that nothing is missing. */
    public MwsCallEvent {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorKind, "errorKind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the request succeeded. */
    public boolean succeeded() {
        return errorKind.isEmpty();
    }
}
