package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.params.InvalidParametersException;
import io.openmws.protocol.params.MwsParameters;
import io.openmws.protocol.useragent.ParsedUserAgent;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One authenticated MWS call, as an operation sees it: who calls, for which seller, and its
 * parameters. Every data query an operation makes is scoped by {@link #sellerId()}.
 */
public final class MwsCall {

    private final ApiSection section;
    private final String action;
    private final String requestId;
    private final MwsParameters parameters;
    private final String developerId;
    private final String sellerId;
    private final ParsedUserAgent userAgent;
    private final Instant receivedAt;
    private final InputStream body;
    private final boolean selfAccess;
    private final UnaryOperator<String> headers;

    MwsCall(ApiSection section, String action, String requestId, MwsParameters parameters, String developerId,
            String sellerId, boolean selfAccess, ParsedUserAgent userAgent, Instant receivedAt, InputStream body) {
        this(section, action, requestId, parameters, developerId, sellerId, selfAccess, userAgent, receivedAt, body,
                name -> null);
    }

    MwsCall(ApiSection section, String action, String requestId, MwsParameters parameters, String developerId,
            String sellerId, boolean selfAccess, ParsedUserAgent userAgent, Instant receivedAt, InputStream body,
            UnaryOperator<String> headers) {
        this.headers = headers;
        this.section = section;
        this.action = action;
        this.requestId = requestId;
        this.parameters = parameters;
        this.developerId = developerId;
        this.sellerId = sellerId;
        this.userAgent = userAgent;
        this.receivedAt = receivedAt;
        this.body = body;
        this.selfAccess = selfAccess;
    }

    /** Whether the developer calls for its own seller account (no MWS Auth Token needed). */
    public boolean selfAccess() {
        return selfAccess;
    }

    public ApiSection section() {
        return section;
    }

    public String action() {
        return action;
    }

    public String requestId() {
        return requestId;
    }

    public MwsParameters parameters() {
        return parameters;
    }

    /** The calling developer's 12-digit Developer ID. */
    public String developerId() {
        return developerId;
    }

    /** The seller the call acts for ({@code SellerId} or {@code Merchant}); null only for calls that need none. */
    public String sellerId() {
        return sellerId;
    }

    public ParsedUserAgent userAgent() {
        return userAgent;
    }

    /** When the call arrived, on the platform clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** A parameter's value, if present. */
    public Optional<String> parameter(String name) {
        return parameters.get(name);
    }

    /** A parameter's value; an {@code InvalidParameterValue} "Missing required parameter X." when absent or empty. */
    public String required(String name) {
        String value = parameters.get(name).orElse("");
        if (value.isEmpty()) {
            throw MwsException.missingParameter(name);
        }
        return value;
    }

    /**
     * The values of a list parameter ({@code Name.1}, {@code Name.2}, ...) in index order; an
     * {@code InvalidParameterValue} when the list is given both bare and numbered.
     */
    public List<String> list(String prefix) {
        try {
            return parameters.list(prefix);
        } catch (InvalidParametersException e) {
            throw MwsException.invalidParameter(e.getMessage());
        }
    }

    /**
     * A request header's value, if present: what an operation needs beyond the parameters, such as
     * SubmitFeed's {@code Content-MD5} and {@code Content-Type}.
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    /** The raw request body: a feed for SubmitFeed, empty for every other call. Read at most once. */
    public InputStream body() {
        return body;
    }

    @Override
    public String toString() {
        return "MwsCall[" + section.sectionName() + "/" + action + ", developer=" + developerId + ", seller=" + sellerId
                + ", requestId=" + requestId + "]";
    }
}
