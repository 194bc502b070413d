package io.openmws.protocol.signature;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies Signature Version 2 signatures on the server ({@code docs/protocol.md} §3.3 steps 2-3).
 *
 * <p>It checks {@code Signature}, {@code SignatureVersion=2} and {@code SignatureMethod}, rebuilds the
 * string to sign from the method, {@code Host} header, raw path and decoded parameters, and compares
 * HMACs in constant time ({@link MessageDigest#isEqual}). Looking up the secret for
 * {@code AWSAccessKeyId} is the caller's job.
 *
 * <p>{@link #strict()} accepts only the {@code Host} header as received. {@link #tryingHostWithoutPort()}
 * also accepts a signature over the host without its port, as four of the seven clients of §13 send;
 * the result says which form matched. Immutable and thread-safe.
 */
public final class SignatureVerifier {

    private static final SignatureVerifier STRICT = new SignatureVerifier(false);
    private static final SignatureVerifier LENIENT_PORT = new SignatureVerifier(true);

    private final boolean tryWithoutPort;

    private SignatureVerifier(boolean tryWithoutPort) {
        this.tryWithoutPort = tryWithoutPort;
    }

    /** A verifier that signs over the {@code Host} header exactly as received (lowercased). */
    public static SignatureVerifier strict() {
        return STRICT;
    }

    /**
     * A verifier that tries the {@code Host} header as received, then (only if that fails and the
     * header has a port) the header with its port removed (§13).
     */
    public static SignatureVerifier tryingHostWithoutPort() {
        return LENIENT_PORT;
    }

    /**
     * Verifies a request's signature.
     *
     * @param httpMethod the request method as received
     * @param hostHeader the {@code Host} header as received
     * @param path the raw request path as received (not decoded); empty means {@code /}
     * @param parameters the decoded parameters of the request, {@code Signature} included
     * @param secret the secret of the request's {@code AWSAccessKeyId}
     * @return the verdict; never null
     * @throws IllegalArgumentException when the Host header is missing or a line holds a line break
     */
    public SignatureVerification verify(String httpMethod, String hostHeader, String path,
                                        Map<String, String> parameters, SigningSecret secret) {
        String signature = parameters.get(CanonicalQuery.SIGNATURE);
        if (signature == null) {
            return SignatureVerification.missing(CanonicalQuery.SIGNATURE);
        }
        String version = parameters.get(RequestSigner.SIGNATURE_VERSION);
        if (version == null) {
            return SignatureVerification.missing(RequestSigner.SIGNATURE_VERSION);
        }
        if (!RequestSigner.VERSION_2.equals(version)) {
            return SignatureVerification.unsupported(SignatureVerification.Outcome.UNSUPPORTED_SIGNATURE_VERSION);
        }
        String methodValue = parameters.get(RequestSigner.SIGNATURE_METHOD);
        if (methodValue == null) {
            return SignatureVerification.missing(RequestSigner.SIGNATURE_METHOD);
        }
        Optional<SignatureMethod> parsed = SignatureMethod.fromParameterValue(methodValue);
        if (parsed.isEmpty()) {
            return SignatureVerification.unsupported(SignatureVerification.Outcome.UNSUPPORTED_SIGNATURE_METHOD);
        }
        SignatureMethod method = parsed.get();
        String hostLine = HostLine.fromHostHeader(hostHeader);
        String p = StringToSign.normalizePath(path);
        byte[] provided = decodeOrNull(signature);

        byte[] expected = SignatureEngine.mac(secret, method, httpMethod, hostLine, p, parameters);
        if (provided != null && MessageDigest.isEqual(expected, provided)) {
            return SignatureVerification.valid(SignatureVerification.HostVariant.AS_RECEIVED, method);
        }
        if (tryWithoutPort) {
            Optional<String> bare = HostLine.withoutPort(hostLine);
            if (bare.isPresent()) {
                byte[] expectedBare = SignatureEngine.mac(secret, method, httpMethod, bare.get(), p, parameters);
                if (provided != null && MessageDigest.isEqual(expectedBare, provided)) {
                    return SignatureVerification.valid(SignatureVerification.HostVariant.PORT_REMOVED, method);
                }
            }
        }
        return SignatureVerification.mismatch(
                StringToSign.ofParts(httpMethod, hostLine, p, CanonicalQuery.of(parameters)), method);
    }

    private static byte[] decodeOrNull(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return tryWithoutPort ? "SignatureVerifier[host as received, then without port]"
                : "SignatureVerifier[host as received]";
    }
}
