package io.openmws.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to a raw call ({@link MwsClient#call}) as it came, but for its body, which went to the caller's
 * stream: an error answer is a {@code RawResponse} too, with its status and the {@code ErrorResponse} as body.
 *
 * @param httpStatus the HTTP status, e.g. 200, or 401 with {@code AccessDenied}
 * @param headers every header, names in lower case, sorted
 * @param requestId {@code x-mws-request-id}, or for an error answer without it the {@code ErrorResponse}'s
 *     {@code RequestId}
 * @param serverTime the endpoint's clock, from {@code x-mws-timestamp}
 * @param elapsed from sending the request that got the answer to the end of its body
 * @param signing what was signed for that request
 */
public record RawResponse(int httpStatus, Map<String, List<String>> headers, Optional<String> requestId,
                          Optional<Instant> serverTime, Duration elapsed, SigningTrace signing) {

    /** Checks that nothing is missing, and copies the headers with lower-case names. */
    public RawResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(serverTime, "serverTime");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(signing, "signing");
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(lower);
    }

    /** Whether the status is 2xx: the body is the operation's answer, not an {@code ErrorResponse}. */
    public boolean succeeded() {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /**
     * The first value of a header.
     *
     * @param name the header's name, in any case, e.g. {@code x-mws-quota-remaining}
     * @return its first value, or empty when the answer did not have it
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@code RawResponse[HTTP 200, RequestId ..., 35 ms]}: the status, request id and time. */
    @Override
    public String toString() {
        return "RawResponse[HTTP " + httpStatus + requestId.map(id -> ", RequestId " + id).orElse("") + ", "
                + elapsed.toMillis() + " ms]";
    }
}
