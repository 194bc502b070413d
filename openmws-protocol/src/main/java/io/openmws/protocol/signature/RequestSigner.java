package io.openmws.protocol.signature;

import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Signs requests with Signature Version 2, for clients ({@code docs/protocol.md} §3.1).
 *
 * <pre>{@code
 * RequestSigner signer = RequestSigner.of(SigningSecret.of(secretKey), SignatureMethod.HMAC_SHA256);
 * String host = HostLine.forEndpoint("https", "mws.amazonservices.com", -1);
 * String body = signer.signedQuery("POST", host, "/Orders/2013-09-01", params);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret.
 */
public final class RequestSigner {

    /** The {@code SignatureMethod} parameter name. */
    public static final String SIGNATURE_METHOD = "SignatureMethod";
    /** The {@code SignatureVersion} parameter name. */
    public static final String SIGNATURE_VERSION = "SignatureVersion";
    /** The only signature version MWS accepts. */
    public static final String VERSION_2 = "2";

    private final SigningSecret secret;
    private final SignatureMethod method;

    private RequestSigner(SigningSecret secret, SignatureMethod method) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * A signer.
     *
     * @param secret the Secret Access Key
     * @param method the HMAC to sign with
     * @return the signer
     */
    public static RequestSigner of(SigningSecret secret, SignatureMethod method) {
        return new RequestSigner(secret, method);
    }

    /** The HMAC this signer uses. */
    public SignatureMethod method() {
        return method;
    }

    /**
     * The base64 signature of exactly the given parameters (nothing is added).
     *
     * @param httpMethod {@code POST} or {@code GET}, as the request will be sent
     * @param hostLine see {@link HostLine#forEndpoint(String, String, int)}
     * @param path the path as it will be requested, already percent-encoded; empty means {@code /}
     * @param parameters decoded parameters; a {@code Signature} entry is ignored
     * @return the signature, standard base64 with padding, e.g. {@code w8J4gX1i...JjYM=}
     * @throws IllegalArgumentException when {@code parameters} declare another {@code SignatureMethod}
     */
    public String sign(String httpMethod, String hostLine, String path, Map<String, String> parameters) {
        checkDeclaredMethod(parameters);
        byte[] mac = SignatureEngine.mac(secret, method, httpMethod, hostLine, StringToSign.normalizePath(path),
                parameters);
        return Base64.getEncoder().encodeToString(mac);
    }

    private void checkDeclaredMethod(Map<String, String> parameters) {
        String declared = parameters.get(SIGNATURE_METHOD);
        if (declared != null && !declared.equals(method.parameterValue())) {
            throw new IllegalArgumentException("The parameters declare SignatureMethod=" + declared
                    + " but this signer uses " + method + "; the server would compute a different signature");
        }
    }

    /**
     * The string this signer would sign, for diagnostics and tests.
     *
     * @param httpMethod the request method
     * @param hostLine the host line
     * @param path the path
     * @param parameters decoded parameters
     * @return the string to sign
     */
    public StringToSign stringToSign(String httpMethod, String hostLine, String path, Map<String, String> parameters) {
        return StringToSign.of(httpMethod, hostLine, path, parameters);
    }

    /**
     * The complete parameter set to send: the given parameters plus {@code SignatureMethod},
     * {@code SignatureVersion=2} (unless already present with these values) and {@code Signature}.
     *
     * @param httpMethod the request method
     * @param hostLine the host line
     * @param path the path
     * @param parameters decoded parameters, without {@code Signature}
     * @return an unmodifiable map sorted by {@link CanonicalQuery#NAME_ORDER}
     * @throws IllegalArgumentException when {@code parameters} already hold a {@code Signature}, another
     *     {@code SignatureMethod}, or a {@code SignatureVersion} other than 2
     */
    public SortedMap<String, String> signedParameters(String httpMethod, String hostLine, String path,
                                                      Map<String, String> parameters) {
        if (parameters.containsKey(CanonicalQuery.SIGNATURE)) {
            throw new IllegalArgumentException("The parameters are already signed (they hold a Signature)");
        }
        String version = parameters.get(SIGNATURE_VERSION);
        if (version != null && !VERSION_2.equals(version)) {
            throw new IllegalArgumentException("SignatureVersion=" + version + " is not supported; MWS accepts only 2");
        }
        checkDeclaredMethod(parameters);
        TreeMap<String, String> all = new TreeMap<>(CanonicalQuery.NAME_ORDER);
        all.putAll(parameters);
        all.put(SIGNATURE_METHOD, method.parameterValue());
        all.put(SIGNATURE_VERSION, VERSION_2);
        all.put(CanonicalQuery.SIGNATURE, sign(httpMethod, hostLine, path, all));
        return Collections.unmodifiableSortedMap(all);
    }

    /**
     * The signed parameters encoded for the wire ({@code name=value&...}, RFC 3986, canonical order,
     * {@code Signature} last-but-sorted like any other name), usable as an
     * {@code application/x-www-form-urlencoded} body or as a query string.
     *
     * @param httpMethod the request method
     * @param hostLine the host line
     * @param path the path
     * @param parameters decoded parameters, without {@code Signature}
     * @return the encoded parameters, signature included
     */
    public String signedQuery(String httpMethod, String hostLine, String path, Map<String, String> parameters) {
        SortedMap<String, String> signed = signedParameters(httpMethod, hostLine, path, parameters);
        StringBuilder sb = new StringBuilder(512);
        for (Map.Entry<String, String> e : signed.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            PercentEncoding.appendEncoded(sb, e.getKey());
            sb.append('=');
            PercentEncoding.appendEncoded(sb, e.getValue());
        }
        return sb.toString();
    }

    /** Shows the method; the secret is redacted. */
    @Override
    public String toString() {
        return "RequestSigner[method=" + method + ", secret=(redacted)]";
    }
}
