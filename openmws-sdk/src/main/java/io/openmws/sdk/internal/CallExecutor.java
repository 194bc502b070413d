package io.openmws.sdk.internal;

import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseReader;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.signature.PercentEncoding;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.StringToSign;
import io.openmws.protocol.throttle.QuotaHeaders;
import io.openmws.protocol.throttle.ThrottleGroup;
import io.openmws.protocol.throttle.ThrottleSpecs;
import io.openmws.protocol.time.Timestamps;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.MwsCallEvent;
import io.openmws.sdk.MwsCallListener;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.RawResponse;
import io.openmws.sdk.RequestMethod;
import io.openmws.sdk.RetryPolicy;
import io.openmws.sdk.SellerAccess;
import io.openmws.sdk.SigningTrace;
import io.openmws.sdk.Throttling;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends one call, in steps: pace it (take a slot from the client-side bucket), attempt it (sign it with
 * Signature Version 2 over exactly what is sent, send it, read the answer), correct the Timestamp once when
 * the endpoint says {@code RequestExpired}, ask the {@link RetryPolicy} what to do, and wait as it says.
 * Immutable {@link Config} plus two pieces of shared state: the learned clock skew and the pacer's buckets.
 * Thread-safe.
 */
public final class CallExecutor {

    private static final System.Logger LOG = System.getLogger(CallExecutor.class.getName());
    private static final int MAX_ERROR_BODY = 1 << 20;
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** The slowest upload, in bytes per second, that an upload's timeout allows for beside the request timeout. */
    static final long SLOWEST_UPLOAD = 256 * 1024;

    /**
     * Everything a call needs; {@code MwsClient.Builder} says what each is.
     *
     * @param endpoint where calls go
     * @param credentials the developer's access key (the Access Key ID is sent)
     * @param signer signs with the Secret Key
     * @param userAgent the {@code User-Agent} header
     * @param clock the client's clock, for Timestamps
     * @param http sends the requests; the caller's or one built for the client
     * @param requestTimeout the longest wait for one answer
     * @param method {@code POST} with a form body or {@code GET}
     * @param retries when to retry
     * @param throttling client-side pacing
     * @param listeners hear of every request
     */
    public record Config(Endpoint endpoint, DeveloperCredentials credentials, RequestSigner signer, String userAgent,
                         Clock clock, HttpClient http, Duration requestTimeout, RequestMethod method,
                         RetryPolicy retries, Throttling throttling, List<MwsCallListener> listeners) {

        /** Checks that nothing is missing and copies the listeners. */
        public Config {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(userAgent, "userAgent");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(http, "http");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(retries, "retries");
            Objects.requireNonNull(throttling, "throttling");
            listeners = List.copyOf(listeners);
        }

        /** Names the endpoint and the access key; never the secret. */
        @Override
        public String toString() {
            return "CallExecutor.Config[" + endpoint.base() + ", " + credentials + ", " + method + ", " + retries
                    + ", " + throttling + "]";
        }
    }

    private final Config config;
    private final ClockSkew skew;
    private final PacingTime pacingTime;
    private final Pacer pacer;

    /**
     * An executor.
     *
     * @param config what it needs
     */
    public CallExecutor(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.skew = new ClockSkew(config.clock());
        // Buckets count on the throttling clock when one is given (a sandbox's), else on the corrected time.
        this.pacingTime = new PacingTime(config.throttling().clock()
                .<Supplier<Instant>>map(c -> c::instant).orElse(skew::correctedNow));
        this.pacer = new Pacer(config.throttling(), pacingTime);
    }

    /** The client's time corrected by the skew learned from the endpoint: what the Timestamp says. */
    public Instant correctedNow() {
        return skew.correctedNow();
    }

    /** The time client-side buckets count in: the throttling clock when one is given, else {@link #correctedNow()}. */
    public Instant pacingNow() {
        return pacingTime.now();
    }

    /** The skew learned from the endpoint's {@code x-mws-timestamp} (endpoint minus client); zero until one was seen. */
    public Duration skew() {
        return skew.skew();
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
        int attempt = 0; // HTTP requests sent
        int counted = 0; // those the retry policy counts: all but the skew correction's
        boolean skewCorrected = false;
        while (true) {
            attempt++;
            pace(sellerId, group, attempt - 1);
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
                skew.learn(outcome.serverTime);
                notify(event(call, attempt, outcome, elapsed, true));
                continue;
            }

            counted++;
            RetryPolicy.Decision decision = config.retries().decide(new RetryPolicy.Failure(error.kind(), counted,
                    Optional.ofNullable(outcome.quotaResetsOn), pacingTime.now()));
            notify(event(call, attempt, outcome, elapsed, decision.retries()));
            if (!decision.retries()) {
                throw error;
            }
            if (error.kind() == MwsException.Kind.THROTTLED) {
                // The endpoint's bucket is empty: so is ours, and the retry waits for a restored slot as well.
                group.ifPresent(g -> pacer.drain(sellerId, g));
            }
            await(decision, attempt);
        }
    }

    /**
     * Sends a call once and streams its answer, whatever its status, into {@code body}: paced like every call,
     * and sent a second time only to correct the Timestamp when the endpoint says {@code RequestExpired} (that
     * first answer is not written). No other retries. The trace is of the request that got the answer.
     *
     * @param call the call; one with a raw body is not supported
     * @param body receives the answer's body; flushed, not closed
     * @return the answer's status, headers and timing, and what was signed
     * @throws MwsException {@code COMMUNICATION} when no answer came (or it broke off), {@code INTERRUPTED}
     * @throws UncheckedIOException when writing to {@code body} fails
     */
    public RawResponse send(MwsCall call, OutputStream body) {
        Objects.requireNonNull(body, "body");
        if (call.body().isPresent()) {
            throw new IllegalArgumentException("A raw call sends its parameters only; a call with a body is not one");
        }
        Optional<ThrottleGroup> group = ThrottleSpecs.groupOf(call.section(), call.action());
        // A seller named by hand (SellerId or Merchant among the parameters) is paced in its own buckets too.
        String sellerId = call.seller().map(s -> s.sellerId().value())
                .orElseGet(() -> call.parameters().getOrDefault("SellerId", call.parameters().get("Merchant")));
        boolean skewCorrected = false;
        int attempt = 0;
        while (true) {
            attempt++;
            pace(sellerId, group, attempt - 1);
            Map<String, String> params = parameters(call);
            HttpRequest request = request(call, params);
            Outcome<Void> outcome = new Outcome<>();
            long start = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = config.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                outcome.error = noAnswer(request, e, attempt);
                notify(event(call, attempt, outcome, Duration.ofNanos(System.nanoTime() - start), false));
                throw outcome.error;
            } catch (InterruptedException e) {
                throw interrupted(e, attempt);
            }
            HttpHeaders headers = response.headers();
            outcome.status = response.statusCode();
            outcome.requestId = headers.firstValue("x-mws-request-id").orElse(null);
            outcome.serverTime = instant(headers.firstValue("x-mws-timestamp"));
            try (InputStream in = response.body()) {
                if (outcome.status != 200) {
                    // Error documents are small: read one to learn its code, then hand it on as it came.
                    byte[] head = in.readNBytes(MAX_ERROR_BODY);
                    outcome.error = error(call, response, head, outcome.requestId, attempt);
                    if (outcome.error.kind() == MwsException.Kind.REQUEST_EXPIRED && !skewCorrected
                            && outcome.serverTime != null) {
                        skewCorrected = true;
                        skew.learn(outcome.serverTime);
                        notify(event(call, attempt, outcome, Duration.ofNanos(System.nanoTime() - start), true));
                        continue;
                    }
                    if (outcome.error.kind() == MwsException.Kind.THROTTLED) {
                        group.ifPresent(g -> pacer.drain(sellerId, g)); // the endpoint's bucket is empty: so is ours
                    }
                    write(body, head, head.length);
                }
                transfer(in, body);
            } catch (IOException e) {
                MwsException brokeOff = MwsException.builder().kind(MwsException.Kind.COMMUNICATION)
                        .httpStatus(outcome.status).requestId(outcome.requestId).attempts(attempt)
                        .message("The answer from " + config.endpoint().base() + " broke off: " + e).cause(e).build();
                outcome.error = brokeOff;
                notify(event(call, attempt, outcome, Duration.ofNanos(System.nanoTime() - start), false));
                throw brokeOff;
            }
            try {
                body.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the answer to the stream given: " + e.getMessage(), e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            notify(event(call, attempt, outcome, elapsed, false));
            Optional<String> requestId = Optional.ofNullable(outcome.requestId)
                    .or(() -> Optional.ofNullable(outcome.error).flatMap(MwsException::requestId));
            return new RawResponse(outcome.status, lowerCaseNames(headers), requestId,
                    Optional.ofNullable(outcome.serverTime), elapsed, trace(httpMethod(call), call, params));
        }
    }

    /** Copies the answer; a failure to read is the endpoint's ({@link IOException}), one to write the caller's. */
    private static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            write(out, buffer, n);
        }
    }

    private static void write(OutputStream out, byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the answer to the stream given: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> lowerCaseNames(HttpHeaders headers) {
        Map<String, List<String>> names = new TreeMap<>();
        headers.map().forEach((name, values) -> names.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return List.copyOf(both);
                }));
        return names;
    }

    /**
     * What was signed, with the protocol's own canonical query and string to sign, the MWS Auth Token masked
     * wherever it appears (its first 4 characters and "…"); the Signature is never part of it.
     */
    private SigningTrace trace(String httpMethod, MwsCall call, Map<String, String> params) {
        String hostLine = config.endpoint().hostLine();
        String path = config.endpoint().pathFor(call.section());
        // Exactly the parameters the signature was computed over: SignatureMethod and SignatureVersion included.
        Map<String, String> signed = config.signer().signedParameters(httpMethod, hostLine, path, params);
        StringToSign toSign = config.signer().stringToSign(httpMethod, hostLine, path, signed);
        String canonical = toSign.canonicalQuery();
        String token = params.get("MWSAuthToken");
        if (token != null && !token.isEmpty()) {
            canonical = canonical.replace(PercentEncoding.encode(token), SigningTrace.mask(token))
                    .replace(token, SigningTrace.mask(token));
        }
        String stringToSign = toSign.httpMethod() + '\n' + toSign.hostLine() + '\n' + toSign.path() + '\n' + canonical;
        return new SigningTrace(toSign.httpMethod(), toSign.hostLine(), toSign.path(), canonical, stringToSign,
                config.signer().method());
    }

    /** Takes a slot from the call's bucket, waiting for one; calls without a published limit go at once. */
    private void pace(String sellerId, Optional<ThrottleGroup> group, int attemptsSoFar) {
        if (group.isEmpty()) {
            return;
        }
        try {
            pacer.acquire(sellerId, group.get());
        } catch (InterruptedException e) {
            throw interrupted(e, attemptsSoFar);
        }
    }

    /** Waits as the retry policy decided: a back-off in real time, or until a quota reset in pacing time. */
    private void await(RetryPolicy.Decision decision, int attemptsSoFar) {
        try {
            if (decision instanceof RetryPolicy.Decision.RetryAt at) {
                pacingTime.sleepUntil(at.time());
            } else if (decision instanceof RetryPolicy.Decision.RetryAfter after) {
                Thread.sleep(after.delay().toMillis());
            }
        } catch (InterruptedException e) {
            throw interrupted(e, attemptsSoFar);
        }
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
        HttpRequest request = request(call, parameters(call));
        HttpResponse<InputStream> response;
        try {
            response = config.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            outcome.error = noAnswer(request, e, attempt);
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
                    outcome.value = parser.parse(body, outcome.requestId, headers);
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
                    .message("The answer from " + config.endpoint().base() + " broke off: " + e).cause(e).build();
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
                            + config.endpoint().base() + " is an MWS endpoint").build();
        }
    }

    /** A failure to get any answer: a timeout, a refused or broken connection. */
    private MwsException noAnswer(HttpRequest request, IOException e, int attempt) {
        if (e instanceof HttpTimeoutException) {
            return MwsException.builder().kind(MwsException.Kind.COMMUNICATION).attempts(attempt)
                    .message("No answer from " + config.endpoint().base() + " within "
                            + request.timeout().orElse(config.requestTimeout()).toSeconds()
                            + " seconds; raise the request timeout or check the endpoint").cause(e).build();
        }
        return MwsException.builder().kind(MwsException.Kind.COMMUNICATION).attempts(attempt)
                .message("Could not reach " + config.endpoint().base() + ": " + e).cause(e).build();
    }

    /** The parameters to sign: the call's own and the common ones, with a Timestamp of now (corrected). */
    private Map<String, String> parameters(MwsCall call) {
        Map<String, String> params = new TreeMap<>(call.parameters());
        params.put("AWSAccessKeyId", config.credentials().accessKeyId().value());
        params.put("Action", call.action());
        params.put("Version", call.section().version());
        params.put("Timestamp", Timestamps.formatSeconds(correctedNow()));
        call.seller().ifPresent(seller -> addSeller(params, seller));
        return params;
    }

    /** The HTTP method the call is signed and sent with. */
    private String httpMethod(MwsCall call) {
        return call.body().isPresent() ? "POST" : config.method().name();
    }

    private HttpRequest request(MwsCall call, Map<String, String> params) {
        String path = config.endpoint().pathFor(call.section());
        if (call.body().isPresent()) {
            // SubmitFeed: every parameter in the query string, signed as a POST; the body is the feed.
            MwsCall.RequestBody body = call.body().get();
            String query = config.signer().signedQuery("POST", config.endpoint().hostLine(), path, params);
            return HttpRequest.newBuilder().timeout(uploadTimeout(body.length()))
                    .header("User-Agent", config.userAgent())
                    .uri(config.endpoint().uri(path, query))
                    .header("Content-Type", body.contentType())
                    .header("Content-MD5", body.md5Base64())
                    .POST(body.publisher())
                    .build();
        }
        String query = config.signer().signedQuery(config.method().name(), config.endpoint().hostLine(), path, params);
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent());
        if (config.method() == RequestMethod.GET) {
            b.uri(config.endpoint().uri(path, query)).GET();
        } else {
            b.uri(config.endpoint().uri(path, null)).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(query));
        }
        return b.build();
    }

    /**
     * The wait for the answer to an upload, which includes sending the body: the request timeout plus one
     * second per {@link #SLOWEST_UPLOAD} bytes per second.
     */
    private Duration uploadTimeout(long length) {
        return config.requestTimeout().plusSeconds(length / SLOWEST_UPLOAD);
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
        for (MwsCallListener listener : config.listeners()) {
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
        return "CallExecutor[" + config.endpoint().base() + ", " + config.credentials() + "]";
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
