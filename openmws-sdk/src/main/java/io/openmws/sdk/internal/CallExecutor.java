package io.openmws.sdk.internal;

import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseReader;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.throttle.QuotaHeaders;
import io.openmws.protocol.throttle.ThrottleGroup;
import io.openmws.protocol.throttle.ThrottleSpecs;
import io.openmws.protocol.time.Timestamps;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.MwsCallEvent;
import io.openmws.sdk.MwsCallListener;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.RequestMethod;
import io.openmws.sdk.RetryPolicy;
import io.openmws.sdk.SellerAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one call: paces it, signs it (Signature Version 2 over exactly what is sent), reads the answer,
 * and retries what is worth retrying ({@link RetryPolicy}), correcting the Timestamp once when the
 * endpoint says {@code RequestExpired}. Immutable configuration plus two pieces of shared state: the
 * learned clock skew and the pacer's buckets. Thread-safe.
 */
public final class CallExecutor {

    private static final System.Logger LOG = System.getLogger(CallExecutor.class.getName());
    private static final int MAX_ERROR_BODY = 1 << 20;
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private final Endpoint endpoint;
    private final DeveloperCredentials credentials;
    private final RequestSigner signer;
    private final String userAgent;
    private final Clock clock;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RequestMethod method;
    private final RetryPolicy retries;
    private final Pacer pacer;
    private final PacingTime pacingTime;
    private final List<MwsCallListener> listeners;
    private final AtomicReference<Duration> skew = new AtomicReference<>(Duration.ZERO);

    /** Everything a call needs; see {@code MwsClient.Builder} for what each is. */
    public CallExecutor(Endpoint endpoint, DeveloperCredentials credentials, RequestSigner signer, String userAgent,
                        Clock clock, HttpClient http, Duration requestTimeout, RequestMethod method, RetryPolicy retries,
                        io.openmws.sdk.Throttling throttling, List<MwsCallListener> listeners) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.signer = signer;
        this.userAgent = userAgent;
        this.clock = clock;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.method = method;
        this.retries = retries;
        this.listeners = List.copyOf(listeners);
        this.pacingTime = new PacingTime(throttling.clock().<java.util.function.Supplier<Instant>>map(c -> c::instant)
                .orElse(this::correctedNow));
        this.pacer = new Pacer(throttling, pacingTime);
    }

    /** The client's time corrected by the skew learned from the endpoint: what the Timestamp says. */
    public Instant correctedNow() {
        return clock.instant().plus(skew.get());
    }

    /** The skew learned from the endpoint's {@code x-mws-timestamp} (endpoint minus client); zero until one was seen. */
    public Duration skew() {
        return skew.get();
    }

    /**
     * Runs a call to its end.
     *
     * @param call the call
     * @param parser reads a successful answer
     * @param <T> the result type
     * @return the result
     * @throws MwsException when the call fails for good
     */
    public <T> T execute(MwsCall call, ResponseParser<T> parser) {
        Optional<ThrottleGroup> group = ThrottleSpecs.groupOf(call.section(), call.action());
        String sellerId = call.seller().map(s -> s.sellerId().value()).orElse(null);
        int attempt = 0;
        int counted = 0;
        boolean skewCorrected = false;
        while (true) {
            attempt++;
            if (group.isPresent()) {
                try {
                    pacer.acquire(sellerId, group.get());
                } catch (InterruptedException e) {
                    throw interrupted(e, attempt - 1);
                }
            }
            long start = System.nanoTime();
            Outcome<T> outcome = attempt(call, parser, attempt);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (outcome.error == null) {
                notify(event(call, attempt, outcome, elapsed, false));
                return outcome.value;
            }
            MwsException error = outcome.error;

            if (error.kind() == MwsException.Kind.REQUEST_EXPIRED && !skewCorrected && outcome.serverTime != null) {
                skewCorrected = true;
                Duration learned = Duration.between(clock.instant(), outcome.serverTime);
                skew.set(learned);
                LOG.log(System.Logger.Level.WARNING, "The endpoint refused the Timestamp as expired; its clock is {0}"
                        + " from this machine''s. Correcting the Timestamp and sending again", learned);
                notify(event(call, attempt, outcome, elapsed, true));
                continue;
            }
            counted++;
            Optional<Instant> waitUntil = Optional.empty();
            boolean retry = error.isRetryable() && counted < retries.maxAttempts();
            if (retry && error.kind() == MwsException.Kind.QUOTA_EXCEEDED && outcome.quotaResetsOn != null) {
                Duration toReset = Duration.between(pacingTime.now(), outcome.quotaResetsOn);
                if (toReset.compareTo(retries.maxQuotaWait()) > 0) {
                    retry = false;
                } else {
                    waitUntil = Optional.of(outcome.quotaResetsOn);
                }
            }
            notify(event(call, attempt, outcome, elapsed, retry));
            if (!retry) {
                throw error;
            }
            if (error.kind() == MwsException.Kind.THROTTLED && group.isPresent()) {
                pacer.drain(sellerId, group.get());
            }
            try {
                if (waitUntil.isPresent()) {
                    pacingTime.sleepUntil(waitUntil.get());
                } else {
                    Thread.sleep(backoff(counted).toMillis());
                }
            } catch (InterruptedException e) {
                throw interrupted(e, attempt);
            }
        }
    }

    /** The back-off before retry number {@code retry}: between half and all of the capped exponential delay. */
    Duration backoff(int retry) {
        long base = retries.baseDelay().toMillis();
        long cap = retries.maxDelay().toMillis();
        long exp = retry >= 40 ? cap : Math.min(cap, base * (1L << (retry - 1)));
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(exp - half + 1));
    }

    private static final class Outcome<T> {
        T value;
        MwsException error;
        int status;
        String requestId;
        Instant serverTime;
        Instant quotaResetsOn;
    }

    private <T> Outcome<T> attempt(MwsCall call, ResponseParser<T> parser, int attempt) {
        Outcome<T> outcome = new Outcome<>();
        HttpRequest request = request(call);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            outcome.error = MwsException.builder().kind(MwsException.Kind.COMMUNICATION).attempts(attempt)
                    .message("No answer from " + endpoint.base() + " within " + requestTimeout.toSeconds()
                            + " seconds; raise the request timeout or check the endpoint").cause(e).build();
            return outcome;
        } catch (IOException e) {
            outcome.error = MwsException.builder().kind(MwsException.Kind.COMMUNICATION).attempts(attempt)
                    .message("Could not reach " + endpoint.base() + ": " + e).cause(e).build();
            return outcome;
        } catch (InterruptedException e) {
            outcome.error = interrupted(e, attempt);
            return outcome;
        }
        HttpHeaders headers = response.headers();
        outcome.status = response.statusCode();
        outcome.requestId = headers.firstValue("x-mws-request-id").orElse(null);
        outcome.serverTime = instant(headers.firstValue("x-mws-timestamp"));
        outcome.quotaResetsOn = instant(headers.firstValue(QuotaHeaders.RESETS_ON));
        try (InputStream body = response.body()) {
            if (outcome.status == 200) {
                try {
                    outcome.value = parser.parse(body, outcome.requestId);
                } catch (IOException e) {
                    outcome.error = MwsException.builder().kind(MwsException.Kind.UNEXPECTED_RESPONSE)
                            .httpStatus(200).requestId(outcome.requestId).attempts(attempt)
                            .message("The answer to " + call.action() + " is not the MWS response expected: "
                                    + e.getMessage()).cause(e).build();
                }
            } else {
                outcome.error = error(call, response, body.readNBytes(MAX_ERROR_BODY), outcome.requestId, attempt);
            }
        } catch (IOException e) {
            outcome.error = MwsException.builder().kind(MwsException.Kind.COMMUNICATION).httpStatus(outcome.status)
                    .requestId(outcome.requestId).attempts(attempt)
                    .message("The answer from " + endpoint.base() + " broke off: " + e).cause(e).build();
        }
        return outcome;
    }

    private MwsException error(MwsCall call, HttpResponse<?> response, byte[] body, String headerRequestId, int attempt) {
        int status = response.statusCode();
        try {
            ErrorResponse document = ErrorResponseReader.read(new ByteArrayInputStream(body));
            MwsError first = document.errors().get(0);
            return MwsException.builder().code(first.code()).httpStatus(status)
                    .requestId(headerRequestId != null ? headerRequestId : document.requestId().orElse(null))
                    .message(first.message()).attempts(attempt).build();
        } catch (IOException notAnErrorResponse) {
            String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
            MwsException.Kind kind = status >= 500 ? MwsException.Kind.SERVICE_ERROR : MwsException.Kind.UNEXPECTED_RESPONSE;
            return MwsException.builder().kind(kind).code(kind.name()).httpStatus(status).requestId(headerRequestId)
                    .attempts(attempt).message("HTTP " + status + " to " + call.action() + " with a body (" + type
                            + ", " + body.length + " bytes) that is not an MWS ErrorResponse; check that "
                            + endpoint.base() + " is an MWS endpoint").build();
        }
    }

    private HttpRequest request(MwsCall call) {
        Map<String, String> params = new TreeMap<>(call.parameters());
        params.put("AWSAccessKeyId", credentials.accessKeyId().value());
        params.put("Action", call.action());
        params.put("Version", call.section().version());
        params.put("Timestamp", Timestamps.formatSeconds(correctedNow()));
        call.seller().ifPresent(seller -> addSeller(params, seller));
        String path = endpoint.pathFor(call.section());
        String query = signer.signedQuery(method.name(), endpoint.hostLine(), path, params);
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(requestTimeout).header("User-Agent", userAgent);
        if (method == RequestMethod.GET) {
            b.uri(endpoint.uri(path, query)).GET();
        } else {
            b.uri(endpoint.uri(path, null)).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(query));
        }
        return b.build();
    }

    private static void addSeller(Map<String, String> params, SellerAccess seller) {
        params.put("SellerId", seller.sellerId().value());
        seller.mwsAuthToken().ifPresent(token -> params.put("MWSAuthToken", token));
    }

    private static Instant instant(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(header.get().strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private MwsCallEvent event(MwsCall call, int attempt, Outcome<?> outcome, Duration elapsed, boolean willRetry) {
        MwsException e = outcome.error;
        return new MwsCallEvent(call.section().sectionName(), call.action(),
                call.seller().map(s -> s.sellerId().value()), attempt, outcome.status,
                Optional.ofNullable(e).map(MwsException::code), Optional.ofNullable(e).map(MwsException::kind),
                Optional.ofNullable(e).flatMap(MwsException::requestId).or(() -> Optional.ofNullable(outcome.requestId)),
                elapsed, willRetry);
    }

    private void notify(MwsCallEvent event) {
        for (MwsCallListener listener : listeners) {
            try {
                listener.onAttempt(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A call listener failed; the call goes on", e);
            }
        }
    }

    private static MwsException interrupted(InterruptedException e, int attempts) {
        Thread.currentThread().interrupt();
        return MwsException.builder().kind(MwsException.Kind.INTERRUPTED).attempts(attempts)
                .message("Interrupted while waiting for the endpoint, a throttle slot or a retry").cause(e).build();
    }

    @Override
    public String toString() {
        return "CallExecutor[" + endpoint.base() + ", " + credentials + "]";
    }

    /**
     * Where calls go: the base URI, the host line that is signed, and the path prefix (an endpoint URI
     * with a path, e.g. behind a proxy, puts it before the section paths).
     *
     * @param base the endpoint as given
     * @param hostLine the signed host line
     * @param prefix the base's path without a trailing slash, possibly empty
     */
    public record Endpoint(URI base, String hostLine, String prefix) {

        /**
         * An endpoint from its URI.
         *
         * @throws IllegalArgumentException for a URI without http(s) scheme or host, or with a query
         */
        public static Endpoint of(URI base) {
            String scheme = base.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                throw new IllegalArgumentException("The endpoint " + base + " needs an https:// (or, for local testing,"
                        + " http://) scheme, e.g. https://mws.amazonservices.com or http://localhost:8080");
            }
            if (base.getHost() == null) {
                throw new IllegalArgumentException("The endpoint " + base + " has no host");
            }
            if (base.getRawQuery() != null || base.getRawFragment() != null) {
                throw new IllegalArgumentException("The endpoint " + base + " has a query or fragment; give only"
                        + " scheme, host, port and (optionally) a path prefix");
            }
            String path = base.getRawPath() == null ? "" : base.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Endpoint(base, io.openmws.protocol.signature.HostLine.forEndpoint(scheme, base.getHost(),
                    base.getPort()), path);
        }

        /** The path of a section's operations, e.g. {@code /Sellers/2011-07-01}. */
        public String pathFor(io.openmws.protocol.ApiSection section) {
            return prefix + section.path();
        }

        /** The request URI for a path and an already-encoded query (or none). */
        URI uri(String path, String query) {
            String authority = base.getRawAuthority();
            return URI.create(base.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + authority + path
                    + (query == null ? "" : "?" + query));
        }
    }
}
