package io.openmws.protocol.signature;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SignatureVerifier} found. On a mismatch it carries the string to sign the server
 * computed (with the {@code Host} header as received), so the server can show it to the client;
 * it never carries the secret or the expected signature. Immutable.
 */
public final class SignatureVerification {

    /** The verdict. */
    public enum Outcome {
        /** The signature matches. */
        VALID,
        /** The signature does not match (or is not valid base64). MWS: 403 {@code SignatureDoesNotMatch}. */
        SIGNATURE_MISMATCH,
        /** {@code Signature}, {@code SignatureVersion} or {@code SignatureMethod} is absent; see {@link #missingParameter()}. */
        MISSING_PARAMETER,
        /** {@code SignatureMethod} is neither {@code HmacSHA256} nor {@code HmacSHA1}. */
        UNSUPPORTED_SIGNATURE_METHOD,
        /** {@code SignatureVersion} is not {@code 2}. */
        UNSUPPORTED_SIGNATURE_VERSION
    }

    /** Which form of the {@code Host} header the matching signature was computed over. */
    public enum HostVariant {
        /** The {@code Host} header as received (lowercased). */
        AS_RECEIVED,
        /** The {@code Host} header with its {@code :port} removed (clients that sign the bare host, docs/protocol.md §13). */
        PORT_REMOVED
    }

    private final Outcome outcome;
    private final HostVariant hostVariant;
    private final StringToSign stringToSign;
    private final SignatureMethod method;
    private final String missingParameter;

    private SignatureVerification(Outcome outcome, HostVariant hostVariant, StringToSign stringToSign,
                                  SignatureMethod method, String missingParameter) {
        this.outcome = outcome;
        this.hostVariant = hostVariant;
        this.stringToSign = stringToSign;
        this.method = method;
        this.missingParameter = missingParameter;
    }

    static SignatureVerification valid(HostVariant variant, SignatureMethod method) {
        return new SignatureVerification(Outcome.VALID, variant, null, method, null);
    }

    static SignatureVerification mismatch(StringToSign computed, SignatureMethod method) {
        return new SignatureVerification(Outcome.SIGNATURE_MISMATCH, null, computed, method, null);
    }

    static SignatureVerification missing(String parameter) {
        return new SignatureVerification(Outcome.MISSING_PARAMETER, null, null, null, parameter);
    }

    static SignatureVerification unsupported(Outcome outcome) {
        return new SignatureVerification(outcome, null, null, null, null);
    }

    /** The verdict. */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether the signature matched. */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }

    /** For a valid signature, which host form matched; otherwise empty. */
    public Optional<HostVariant> hostVariant() {
        return Optional.ofNullable(hostVariant);
    }

    /**
     * For {@link Outcome#SIGNATURE_MISMATCH}, the string to sign the server computed with the
     * {@code Host} header as received; otherwise empty.
     */
    public Optional<StringToSign> stringToSign() {
        return Optional.ofNullable(stringToSign);
    }

    /** The signature method used, when it was valid. */
    public Optional<SignatureMethod> signatureMethod() {
        return Optional.ofNullable(method);
    }

    /** For {@link Outcome#MISSING_PARAMETER}, the name of the missing parameter. */
    public Optional<String> missingParameter() {
        return Optional.ofNullable(missingParameter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureVerification v && outcome == v.outcome && hostVariant == v.hostVariant
                && Objects.equals(stringToSign, v.stringToSign) && method == v.method
                && Objects.equals(missingParameter, v.missingParameter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, hostVariant, stringToSign, method, missingParameter);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SignatureVerification[").append(outcome);
        if (hostVariant != null) {
            sb.append(", host=").append(hostVariant);
        }
        if (missingParameter != null) {
            sb.append(", missing=").append(missingParameter);
        }
        if (stringToSign != null) {
            sb.append(", stringToSign=").append(stringToSign.value().replace("\n", "\\n"));
        }
        return sb.append(']').toString();
    }
}
