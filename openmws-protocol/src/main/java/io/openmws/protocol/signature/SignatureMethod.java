package io.openmws.protocol.signature;

import java.util.Optional;

/**
 * The HMAC algorithms Signature Version 2 allows, named as in the {@code SignatureMethod} parameter
 * ({@code docs/protocol.md} §2, §3.1). {@link #HMAC_SHA256} is the one MWS recommends.
 */
public enum SignatureMethod {

    /** {@code HmacSHA256}: HMAC with SHA-256, a 32-byte signature. */
    HMAC_SHA256("HmacSHA256"),
    /** {@code HmacSHA1}: HMAC with SHA-1, a 20-byte signature. Still accepted by MWS; prefer SHA-256. */
    HMAC_SHA1("HmacSHA1");

    private final String parameterValue;

    SignatureMethod(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of the {@code SignatureMethod} parameter, which is also the JCA algorithm name. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The algorithm name for {@link javax.crypto.Mac#getInstance(String)}. */
    public String jcaName() {
        return parameterValue;
    }

    /**
     * The method a {@code SignatureMethod} parameter names. The match is exact and case-sensitive,
     * because the value is itself part of the signed string.
     *
     * @param parameterValue the decoded parameter value, may be null
     * @return the method, or empty when the value names none
     */
    public static Optional<SignatureMethod> fromParameterValue(String parameterValue) {
        for (SignatureMethod m : values()) {
            if (m.parameterValue.equals(parameterValue)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #fromParameterValue(String)} but for values that must be valid.
     *
     * @param parameterValue the decoded parameter value
     * @return the method
     * @throws IllegalArgumentException when the value is neither {@code HmacSHA256} nor {@code HmacSHA1}
     */
    public static SignatureMethod parse(String parameterValue) {
        return fromParameterValue(parameterValue).orElseThrow(() -> new IllegalArgumentException(
                "Unsupported SignatureMethod '" + parameterValue + "': use HmacSHA256 or HmacSHA1"));
    }

    @Override
    public String toString() {
        return parameterValue;
    }
}
