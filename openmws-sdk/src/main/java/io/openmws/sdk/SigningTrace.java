package io.openmws.sdk;

import io.openmws.protocol.signature.SignatureMethod;
import java.util.Objects;

/**
 * What Signature Version 2 signed for a raw call ({@link MwsClient#call}): the four lines of the string to sign
 * and the HMAC, for finding out why an endpoint answers {@code SignatureDoesNotMatch}. Compare it with the
 * string to sign the endpoint computed.
 *
 * <p>It never holds a secret: the {@code Signature} is not part of what is signed, the Secret Key never is, and
 * the MWS Auth Token's value is {@linkplain #mask(String) masked} wherever it appears, written as it is and not
 * percent-encoded (so the canonical query is the signed one but for that value).
 *
 * @param httpMethod the first line, e.g. {@code POST}
 * @param hostLine the second line: the host, with {@code :port} when it is not the scheme's default
 * @param path the third line, e.g. {@code /Sellers/2011-07-01}
 * @param canonicalQuery the fourth line: every parameter but {@code Signature}, encoded and sorted
 * @param stringToSign the four lines joined by {@code \n}
 * @param method the HMAC the signature was computed with
 */
public record SigningTrace(String httpMethod, String hostLine, String path, String canonicalQuery,
                           String stringToSign, SignatureMethod method) {

    /** Checks that nothing is missing. */
    public SigningTrace {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(hostLine, "hostLine");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(canonicalQuery, "canonicalQuery");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(method, "method");
    }

    /**
     * How a secret is shown where it must be mentioned: its first 4 characters and an ellipsis, e.g.
     * {@code amzn…}; a value of 4 characters or fewer is not shown at all.
     *
     * @param secret the secret, e.g. an MWS Auth Token
     * @return the masked form
     */
    public static String mask(String secret) {
        Objects.requireNonNull(secret, "secret");
        return (secret.length() > 4 ? secret.substring(0, 4) : "") + "\u2026";
    }

    /** Says what it is, then the string to sign on its own lines. */
    @Override
    public String toString() {
        return "String to sign (Signature Version 2, " + method + ", MWSAuthToken masked):\n" + stringToSign;
    }
}
