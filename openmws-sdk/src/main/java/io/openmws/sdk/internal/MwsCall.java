package io.openmws.sdk.internal;

import io.openmws.protocol.ApiSection;
import io.openmws.sdk.SellerAccess;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation to call: where, which action, for which seller, with which operation parameters (the
 * common ones, signature included, are added by {@link CallExecutor}), and for {@code SubmitFeed} the body.
 *
 * @param section the API section
 * @param action the {@code Action}
 * @param seller the seller, or empty for calls without one
 * @param parameters the operation's own parameters, decoded
 * @param body the raw HTTP body (then every parameter goes in the query string); empty for the usual form call
 */
public record MwsCall(ApiSection section, String action, Optional<SellerAccess> seller, Map<String, String> parameters,
                      Optional<RequestBody> body) {

    /** Copies the parameters. */
    public MwsCall {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(body, "body");
        parameters = Map.copyOf(parameters);
    }

    /** A call without a raw body. */
    public MwsCall(ApiSection section, String action, Optional<SellerAccess> seller, Map<String, String> parameters) {
        this(section, action, seller, parameters, Optional.empty());
    }

    /** A call for a seller. */
    public static MwsCall forSeller(ApiSection section, String action, SellerAccess seller, Map<String, String> parameters) {
        return new MwsCall(section, action, Optional.of(seller), parameters);
    }

    /** A call for a seller whose HTTP body is {@code body}, its parameters in the query string ({@code SubmitFeed}). */
    public static MwsCall withBody(ApiSection section, String action, SellerAccess seller, Map<String, String> parameters,
                                   RequestBody body) {
        return new MwsCall(section, action, Optional.of(seller), parameters, Optional.of(body));
    }

    /** A call without a seller. */
    public static MwsCall withoutSeller(ApiSection section, String action) {
        return new MwsCall(section, action, Optional.empty(), Map.of());
    }

    /** Names parameter names only; values (a NextToken, say) are left out. */
    @Override
    public String toString() {
        return "MwsCall[" + section.sectionName() + "/" + action + seller.map(s -> " for " + s.sellerId()).orElse("")
                + ", parameters " + parameters.keySet() + body.map(b -> ", body of " + b.length() + " bytes").orElse("")
                + "]";
    }

    /**
     * A raw HTTP body, sent as it is: a feed file.
     *
     * @param publisher the bytes; it must allow several subscriptions (a retry sends them again), as
     *     {@link HttpRequest.BodyPublishers#ofFile} does, and know its length
     * @param contentType the {@code Content-Type} header
     * @param md5Base64 base64(MD5(body)), sent as the {@code Content-MD5} header
     */
    public record RequestBody(HttpRequest.BodyPublisher publisher, String contentType, String md5Base64) {

        /** Checks that nothing is missing and that the length is known. */
        public RequestBody {
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(md5Base64, "md5Base64");
            if (publisher.contentLength() < 0) {
                throw new IllegalArgumentException("A raw body needs a known length");
            }
        }

        /** The body's length in bytes. */
        public long length() {
            return publisher.contentLength();
        }
    }
}
