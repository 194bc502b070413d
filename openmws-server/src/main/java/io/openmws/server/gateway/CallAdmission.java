package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.Text;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.params.InvalidParametersException;
import io.openmws.protocol.params.MwsParameterParser;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.signature.SignatureVerification;
import io.openmws.protocol.signature.SignatureVerifier;
import io.openmws.protocol.time.RequestTimeWindow;
import io.openmws.protocol.time.TimeWindowCheck;
import io.openmws.protocol.useragent.ParsedUserAgent;
import io.openmws.protocol.useragent.UserAgent;
import io.openmws.server.support.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether an MWS call may run, in the four stages of {@code docs/protocol.md}, each a method that
 * answers what it established or throws the {@link MwsException} of its refusal:
 * <ol>
 *   <li>{@link #read}: the method, the section at the path, the parameters and the operation;</li>
 *   <li>{@link #caller}: the User-Agent, the Version, the access key, the signature and the time window;</li>
 *   <li>{@link #seller}: the seller the call is for, and the developer's grant to call for it;</li>
 *   <li>{@link #throttle}: the request quota of the seller's and developer's pair.</li>
 * </ol>
 * Each stage notes in the {@link CallTrace} what it learned before it can fail, so that a refused
 * call is recorded with everything known about it. Nothing here writes an answer: that is
 * {@link MwsGateway}'s.
 */
@Component
class CallAdmission {

    static final List<String> ALLOWED_METHODS = List.of("GET", "POST");
    static final String SUBMIT_FEED = "SubmitFeed";
    private static final int MAX_USER_AGENT = 500;
    /** MWS's longest request line: method, path, query and protocol (docs/protocol.md §2). */
    private static final int MAX_REQUEST_LINE = 8190;
    /** The token's pair in the canonical query, the last line of the string to sign. */
    private static final Pattern AUTH_TOKEN_IN_QUERY = Pattern.compile("(^|&|\n)MWSAuthToken=[^&\n]*");
    static final String TOKEN_LEFT_OUT = "(left-out)";

    /** What the request asks for: stage 1's answer. */
    record Addressed(ApiSection section, MwsOperation operation, MwsParameters parameters) {}

    /** Who calls, proven by the signature: stage 2's answer. */
    record Caller(CallerKeys.CallerKey key, ParsedUserAgent userAgent) {
        String developerId() {
            return key.developerId();
        }
    }

    private final MwsOperations operations;
    private final ObjectProvider<CallerKeys> callerKeys;
    private final ObjectProvider<SellerGrants> sellerGrants;
    private final PlatformClock clock;
    private final Throttles throttles;
    private final ThrottleExemptions exemptions;
    private final MwsParameterParser parser = MwsParameterParser.standard();
    private final SignatureVerifier verifier = SignatureVerifier.tryingHostWithoutPort();

    CallAdmission(MwsOperations operations, ObjectProvider<CallerKeys> callerKeys,
                  ObjectProvider<SellerGrants> sellerGrants, PlatformClock clock, Throttles throttles,
                  ThrottleExemptions exemptions) {
        this.operations = operations;
        this.callerKeys = callerKeys;
        this.sellerGrants = sellerGrants;
        this.clock = clock;
        this.throttles = throttles;
        this.exemptions = exemptions;
    }

    /**
     * Stage 1, read the request: GET or POST, a section served at the path, parameters that parse, and
     * an {@code Action} that section has.
     *
     * @param sections the sections served at the request's path (several share {@code /})
     */
    Addressed read(HttpServletRequest request, List<ApiSection> sections, InputStream body, CallTrace trace)
            throws IOException {
        if (!ALLOWED_METHODS.contains(request.getMethod())) {
            throw new MwsException(MwsError.of(MwsErrorCode.INVALID_REQUEST, "MWS serves GET and POST only; "
                    + Text.abbreviate(request.getMethod(), 103) + " is not accepted."));
        }
        String path = request.getRequestURI();
        if (sections.isEmpty()) {
            throw new MwsException(versionMissing(path) ? MwsError.invalidAddressVersionMissing(path)
                    : MwsError.invalidAddress(path));
        }
        MwsParameters parameters = parse(request, body);
        String action = parameters.get("Action").filter(a -> !a.isEmpty())
                .orElseThrow(() -> MwsException.missingParameter("Action"));
        MwsOperation operation = operations.find(sections, action)
                .orElseThrow(() -> new MwsException(MwsError.of(MwsErrorCode.INVALID_ADDRESS,
                        "The operation " + Text.abbreviate(action, 103) + " is not found in "
                                + sections.get(0).sectionName() + " " + sections.get(0).version() + ".")));
        trace.section = operation.section().sectionName();
        trace.action = operation.action();
        return new Addressed(operation.section(), operation, parameters);
    }

    /**
     * Stage 2, the caller: a User-Agent of sensible length, the section's {@code Version}, an active
     * access key, a Signature Version 2 that matches, and a {@code Timestamp} or {@code Expires} inside
     * the window (on real time, never the sandbox's moved clock). Only a matching signature says who
     * calls: the trace gets the developer after it, never from the key id alone.
     */
    Caller caller(HttpServletRequest request, Addressed call, CallTrace trace) {
        ParsedUserAgent userAgent = UserAgent.parse(request.getHeader("User-Agent"));
        trace.userAgent = userAgent.raw().map(ua -> ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua)
                .orElse(null);
        if (userAgent.raw().map(String::length).orElse(0) > MAX_USER_AGENT) {
            throw MwsException.invalidParameter("The User-Agent header is longer than " + MAX_USER_AGENT + " characters.");
        }
        MwsParameters parameters = call.parameters();
        String version = parameters.get("Version").filter(v -> !v.isEmpty())
                .orElseThrow(() -> MwsException.missingParameter("Version"));
        if (!version.equals(call.section().version())) {
            throw MwsException.invalidParameter("Version " + Text.abbreviate(version, 103) + " is not served at "
                    + call.section().path() + "; use " + call.section().version() + ".");
        }
        String accessKeyId = parameters.get("AWSAccessKeyId").filter(v -> !v.isEmpty())
                .orElseThrow(() -> MwsException.missingParameter("AWSAccessKeyId"));
        CallerKeys keys = callerKeys.getIfAvailable();
        CallerKeys.CallerKey key = (keys == null ? Optional.<CallerKeys.CallerKey>empty() : keys.activeKey(accessKeyId))
                .orElseThrow(() -> new MwsException(MwsError.invalidAccessKeyId()));
        verifySignature(request, parameters, key);
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
        return new Caller(key, userAgent);
    }

    /**
     * Stage 3, the seller: the {@code SellerId} (or its older name {@code Merchant}) the call is for,
     * and, unless it is the developer's own account, an {@code MWSAuthToken} the seller granted this
     * developer. Every refused grant is {@code AccessDenied} alike; the log tells them apart.
     *
     * @return the Seller ID, or {@code null} for an operation that names none
     */
    String seller(Addressed call, Caller caller, CallTrace trace) {
        String sellerId = sellerOf(call.parameters(), call.operation());
        trace.sellerId = sellerId;
        if (sellerId != null && !sellerId.equals(caller.key().ownSellerId())) {
            String token = call.parameters().get("MWSAuthToken").orElse("");
            SellerGrants grants = sellerGrants.getIfAvailable();
            SellerGrants.Grant grant = token.isEmpty() ? SellerGrants.Grant.MISSING_TOKEN
                    : grants == null ? SellerGrants.Grant.DENIED : grants.check(sellerId, caller.developerId(), token);
            switch (grant) {
                case ACTIVE -> { }
                case MISSING_TOKEN -> throw new MwsException(MwsError.missingAuthToken());
                case DENIED -> throw new MwsException(MwsError.accessDenied());
            }
        }
        return sellerId;
    }

    /**
     * Stage 4, the throttle: takes one request from the pair's bucket for the operation. Empty for a
     * developer exempt from throttling (sandbox); a verdict that refuses carries the quota headers too.
     */
    Optional<Throttles.Verdict> throttle(Addressed call, Caller caller, String sellerId) {
        if (exemptions.exempt(caller.developerId())) {
            return Optional.empty();
        }
        return Optional.of(throttles.take(sellerId, caller.developerId(), call.section(), call.operation().action()));
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

    private void verifySignature(HttpServletRequest request, MwsParameters parameters, CallerKeys.CallerKey key) {
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
                    "The string to sign we calculated (lines separated by \\n; the MWSAuthToken value left out): "
                            + verdict.stringToSign().map(s -> withoutAuthToken(s.toString()).replace("\n", "\\n"))
                                    .orElse("")));
        }
    }

    /**
     * The string to sign with the MWS Auth Token's value replaced: an echo of the rest is what finds a
     * signing bug, while the token, a credential, would end up wherever clients log their errors.
     */
    static String withoutAuthToken(String stringToSign) {
        return AUTH_TOKEN_IN_QUERY.matcher(stringToSign).replaceAll("$1MWSAuthToken=" + TOKEN_LEFT_OUT);
    }

    private static String sellerOf(MwsParameters parameters, MwsOperation operation) {
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

    private static boolean versionMissing(String path) {
        // "/Sellers" or "/Sellers/": a known-looking section without a version.
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.lastIndexOf('/') == 0;
    }
}
