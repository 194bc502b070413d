package io.openmws.server.gateway;

import io.openmws.protocol.Text;
import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseWriter;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.params.InvalidParametersException;
import io.openmws.protocol.params.MwsParameterParser;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.signature.SignatureVerification;
import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.throttle.QuotaHeaders;
import io.openmws.protocol.time.RequestTimeWindow;
import io.openmws.protocol.time.TimeWindowCheck;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.useragent.ParsedUserAgent;
import io.openmws.protocol.useragent.UserAgent;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.support.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The path of one MWS call (ARCHITECTURE.md): resolve the path, parse the parameters, verify the
 * signature and the time window, resolve the caller, dispatch to the operation, and answer in XML,
 * with every failure turned into the {@code ErrorResponse} envelope of its section. Nothing a client
 * sends, however malformed, gets a 500 or an HTML page.
 */
@Component
class MwsGateway {

    static final String SUBMIT_FEED = "SubmitFeed";
    private static final Logger log = LoggerFactory.getLogger(MwsGateway.class);
    private static final int MAX_USER_AGENT = 500;
    /** MWS's limit on the request line (docs/protocol.md §1): longer requests are refused, in the MWS error form. */
    private static final int MAX_REQUEST_LINE = 8190;
    /** The methods MWS serves (§1); the signature covers the method, so nothing else can be a call. */
    private static final List<String> ALLOWED_METHODS = List.of("GET", "POST");
    private static final String DEFERRED_ERROR = MwsGateway.class.getName() + ".deferredError";

    private final MwsOperations operations;
    private final ObjectProvider<CallerKeys> callerKeys;
    private final ObjectProvider<SellerGrants> sellerGrants;
    private final PlatformClock clock;
    private final Throttles throttles;
    private final ThrottleExemptions exemptions;
    private final CallLog callLog;
    private final MwsParameterParser parser = MwsParameterParser.standard();
    private final SignatureVerifier verifier = SignatureVerifier.tryingHostWithoutPort();
    private final IdGenerator ids = new IdGenerator();

    MwsGateway(MwsOperations operations, ObjectProvider<CallerKeys> callerKeys,
               ObjectProvider<SellerGrants> sellerGrants, PlatformClock clock, Throttles throttles,
               ThrottleExemptions exemptions, CallLog callLog) {
        this.operations = operations;
        this.callerKeys = callerKeys;
        this.sellerGrants = sellerGrants;
        this.clock = clock;
        this.throttles = throttles;
        this.exemptions = exemptions;
        this.callLog = callLog;
    }

    /** What is known of a call so far, for its record in the call log. */
    private static final class Trace {
        String developerId;
        String sellerId;
        String section;
        String action;
        String errorCode;
        String userAgent;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) {
        long started = System.nanoTime();
        Trace trace = new Trace();
        String requestId = ids.requestId().value();
        try {
            handle(request, response, requestId, trace);
        } catch (IOException e) {
            // The client went away while the answer was being written: there is no one left to tell.
            log.debug("MWS call {} {}: the answer could not be sent: {}", request.getMethod(),
                    Text.abbreviate(request.getRequestURI(), 103), e.toString());
        } finally {
            callLog.record(new CallLog.Entry(requestId, clock.instant(), trace.developerId,
                    trace.sellerId, trace.section, trace.action, response.getStatus(), trace.errorCode,
                    trace.userAgent, (System.nanoTime() - started) / 1_000));
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, String requestId, Trace trace)
            throws IOException {
        String path = request.getRequestURI();
        List<ApiSection> sections = ApiSection.servedAt(path);
        String namespace = sections.isEmpty() ? ApiSection.UNKNOWN_PATH_NAMESPACE : sections.get(0).namespace();
        Optional<Throttles.Quota> quota = Optional.empty();
        RequestBody body = null;
        ByteArrayOutputStream answer = new ByteArrayOutputStream(1024);
        try {
            if (!ALLOWED_METHODS.contains(request.getMethod())) {
                throw new MwsException(MwsError.of(MwsErrorCode.INVALID_REQUEST, "MWS serves GET and POST only; "
                        + Text.abbreviate(request.getMethod(), 103) + " is not accepted."));
            }
            if (sections.isEmpty()) {
                throw new MwsException(versionMissing(path) ? MwsError.invalidAddressVersionMissing(path)
                        : MwsError.invalidAddress(path));
            }
            body = new RequestBody(request.getInputStream());
            MwsParameters parameters = parse(request, body);
            String action = parameters.get("Action").filter(a -> !a.isEmpty())
                    .orElseThrow(() -> MwsException.missingParameter("Action"));
            MwsOperation operation = operations.find(sections, action)
                    .orElseThrow(() -> new MwsException(MwsError.of(MwsErrorCode.INVALID_ADDRESS,
                            "The operation " + Text.abbreviate(action, 103) + " is not found in "
                                    + sections.get(0).sectionName() + " " + sections.get(0).version() + ".")));
            ApiSection section = operation.section();
            namespace = section.namespaceFor(action);
            trace.section = section.sectionName();
            trace.action = operation.action();
            MwsCall call = authenticate(request, requestId, section, operation, parameters, body, trace);
            if (!exemptions.exempt(call.developerId())) {
                Throttles.Verdict throttle = throttles.take(call.sellerId(), call.developerId(), section, action);
                quota = throttle.quota();
                if (throttle.refusal().isPresent()) {
                    throw new MwsException(throttle.refusal().get());
                }
            }
            try (MwsXmlWriter xml = MwsXmlWriter.open(answer)) {
                xml.startResponse(section, action);
                operation.writeResult(call, xml);
                xml.endResponse(requestId);
            }
        } catch (MwsException e) {
            trace.errorCode = e.error().code();
            writeError(request, response, new Refusal(namespace, requestId, quota, e.error()));
            return;
        } catch (IOException | RuntimeException e) {
            MwsError error;
            if (body != null && body.failed()) {
                // A broken chunk, a body shorter than its Content-Length, a client that hung up mid-body:
                // the client's fault, whatever the operation wrapped it in.
                log.debug("MWS call {} {}: the request body could not be read (request {}): {}", request.getMethod(),
                        Text.abbreviate(path, 103), requestId, body.failure());
                error = MwsError.of(MwsErrorCode.INPUT_STREAM_DISCONNECTED);
            } else {
                log.error("MWS call {} {} failed (request {})", request.getMethod(), Text.abbreviate(path, 103), requestId, e);
                error = MwsError.of(MwsErrorCode.INTERNAL_ERROR);
            }
            trace.errorCode = error.code();
            writeError(request, response, new Refusal(namespace, requestId, quota, error));
            return;
        }
        writeHeaders(response, requestId, quota);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(answer.size());
        answer.writeTo(response.getOutputStream());
    }

    private MwsParameters parse(HttpServletRequest request, InputStream body) throws IOException {
        String query = request.getQueryString();
        int requestLine = request.getMethod().length() + request.getRequestURI().length()
                + (query == null ? 0 : query.length() + 1) + " HTTP/1.1".length() + 1;
        if (requestLine > MAX_REQUEST_LINE) {
            throw MwsException.invalidParameter("The request line is " + requestLine + " bytes long; MWS accepts at most "
                    + MAX_REQUEST_LINE + ". Send the parameters in a form body instead.");
        }
        try {
            // The parser leaves the stream untouched for SubmitFeed, whose body is the feed.
            return parser.parse(query, request.getContentType(), body);
        } catch (InvalidParametersException e) {
            throw MwsException.invalidParameter(e.getMessage());
        }
    }

    private MwsCall authenticate(HttpServletRequest request, String requestId, ApiSection section,
                                 MwsOperation operation, MwsParameters parameters, InputStream requestBody,
                                 Trace trace) {
        ParsedUserAgent userAgent = UserAgent.parse(request.getHeader("User-Agent"));
        trace.userAgent = userAgent.raw().map(ua -> ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua)
                .orElse(null);
        if (userAgent.raw().map(String::length).orElse(0) > MAX_USER_AGENT) {
            throw MwsException.invalidParameter("The User-Agent header is longer than " + MAX_USER_AGENT + " characters.");
        }
        String version = parameters.get("Version").filter(v -> !v.isEmpty())
                .orElseThrow(() -> MwsException.missingParameter("Version"));
        if (!version.equals(section.version())) {
            throw MwsException.invalidParameter("Version " + Text.abbreviate(version, 103) + " is not served at "
                    + section.path() + "; use " + section.version() + ".");
        }
        String accessKeyId = parameters.get("AWSAccessKeyId").filter(v -> !v.isEmpty())
                .orElseThrow(() -> MwsException.missingParameter("AWSAccessKeyId"));
        CallerKeys keys = callerKeys.getIfAvailable();
        CallerKeys.CallerKey key = (keys == null ? Optional.<CallerKeys.CallerKey>empty() : keys.activeKey(accessKeyId))
                .orElseThrow(() -> new MwsException(MwsError.invalidAccessKeyId()));

        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            throw MwsException.invalidParameter("The request has no Host header; it is part of the signed string.");
        }
        SignatureVerification verdict;
        try {
            verdict = verifier.verify(request.getMethod(), host, request.getRequestURI(), parameters.asMap(), key.secret());
        } catch (IllegalArgumentException malformed) {
            throw MwsException.invalidParameter(malformed.getMessage());
        }
        switch (verdict.outcome()) {
            case VALID -> { }
            case MISSING_PARAMETER -> throw MwsException.missingParameter(verdict.missingParameter().orElse("Signature"));
            case UNSUPPORTED_SIGNATURE_VERSION -> throw MwsException.invalidParameter(
                    "SignatureVersion must be 2.");
            case UNSUPPORTED_SIGNATURE_METHOD -> throw MwsException.invalidParameter(
                    "SignatureMethod must be HmacSHA256 or HmacSHA1.");
            case SIGNATURE_MISMATCH -> throw new MwsException(MwsError.signatureDoesNotMatch().withDetail(
                    "The string to sign we calculated (lines separated by \\n): "
                            + verdict.stringToSign().map(s -> s.toString().replace("\n", "\\n")).orElse("")));
        }
        // Only a verified signature says who calls; before that the key id could be anybody's.
        trace.developerId = key.developerId();
        TimeWindowCheck window = RequestTimeWindow.of(clock.realTime())
                .check(parameters.get("Timestamp").orElse(null), parameters.get("Expires").orElse(null));
        if (!window.isOk()) {
            MwsErrorCode code = switch (window.status()) {
                case TOO_OLD, TOO_NEW, EXPIRED -> MwsErrorCode.REQUEST_EXPIRED;
                default -> MwsErrorCode.INVALID_PARAMETER_VALUE;
            };
            throw MwsException.of(code, window.message());
        }
        keys.used(accessKeyId);

        String sellerId = seller(parameters, operation);
        trace.sellerId = sellerId;
        if (sellerId != null && !sellerId.equals(key.ownSellerId())) {
            String token = parameters.get("MWSAuthToken").orElse("");
            SellerGrants grants = sellerGrants.getIfAvailable();
            SellerGrants.Grant grant = token.isEmpty() ? SellerGrants.Grant.MISSING_TOKEN
                    : grants == null ? SellerGrants.Grant.DENIED : grants.check(sellerId, key.developerId(), token);
            switch (grant) {
                case ACTIVE -> { }
                case MISSING_TOKEN -> throw new MwsException(MwsError.missingAuthToken());
                case DENIED -> throw new MwsException(MwsError.accessDenied());
            }
        }
        InputStream body = SUBMIT_FEED.equals(operation.action()) ? requestBody : InputStream.nullInputStream();
        boolean self = sellerId != null && sellerId.equals(key.ownSellerId());
        return new MwsCall(section, operation.action(), requestId, parameters, key.developerId(), sellerId, self,
                userAgent, clock.instant(), body);
    }

    private static String seller(MwsParameters parameters, MwsOperation operation) {
        String sellerId = parameters.get("SellerId").filter(v -> !v.isEmpty()).orElse(null);
        String merchant = parameters.get("Merchant").filter(v -> !v.isEmpty()).orElse(null);
        if (sellerId != null && merchant != null && !sellerId.equals(merchant)) {
            throw MwsException.invalidParameter("SellerId and Merchant name different sellers; send one of them.");
        }
        String seller = sellerId != null ? sellerId : merchant;
        if (seller == null && operation.needsSeller()) {
            throw MwsException.missingParameter("SellerId");
        }
        return seller;
    }

    private void writeHeaders(HttpServletResponse response, String requestId, Optional<Throttles.Quota> quota) {
        response.setHeader("x-mws-request-id", requestId);
        response.setHeader("x-mws-timestamp", Timestamps.format(clock.realTime().instant()));
        response.setContentType("text/xml");
        quota.ifPresent(q -> {
            response.setHeader(QuotaHeaders.MAX, QuotaHeaders.formatCount(q.max()));
            response.setHeader(QuotaHeaders.REMAINING, QuotaHeaders.formatCount(q.remaining()));
            response.setHeader(QuotaHeaders.RESETS_ON, Timestamps.format(q.resetsOn()));
        });
    }

    /** An error answer not yet written: what {@link #writeError} and {@link #writeDeferredError} need. */
    private record Refusal(String namespace, String requestId, Optional<Throttles.Quota> quota, MwsError error) {}

    private void writeError(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        if (response.isCommitted()) {
            // The container gave up on the request (a body it could not read) and will send an error page
            // of its own; MwsGatewayFilter takes that error dispatch and writes this envelope instead.
            request.setAttribute(DEFERRED_ERROR, refusal);
            return;
        }
        response.reset();
        writeHeaders(response, refusal.requestId(), refusal.quota());
        if (!ALLOWED_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", ALLOWED_METHODS));
        }
        response.setStatus(refusal.error().httpStatus());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        ErrorResponseWriter.write(ErrorResponse.of(refusal.namespace(), refusal.requestId(), List.of(refusal.error())),
                buffer);
        response.setContentLength(buffer.size());
        try (OutputStream out = response.getOutputStream()) {
            buffer.writeTo(out);
        }
    }

    /**
     * Writes, in the container's error dispatch, the envelope of an MWS call whose response the
     * container had already taken over.
     *
     * @return whether there was such an error to write
     */
    boolean writeDeferredError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(DEFERRED_ERROR) instanceof Refusal refusal)) {
            return false;
        }
        request.removeAttribute(DEFERRED_ERROR);
        if (response.isCommitted()) {
            log.warn("MWS error {} after the response was committed (request {})", refusal.error().code(),
                    refusal.requestId());
            return true;
        }
        writeError(request, response, refusal);
        return true;
    }

    private static boolean versionMissing(String path) {
        // "/Sellers" or "/Sellers/": a known-looking section without a version.
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.lastIndexOf('/') == 0;
    }

}
