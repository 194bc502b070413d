package io.openmws.sdk;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.SecretKey;
import java.util.Objects;

/**
 * A developer account's MWS access key: the Access Key ID and Secret Key shown once at the end of the
 * developer registration. One pair signs the calls for every seller that authorized the developer.
 *
 * <p>Immutable. {@link #toString()} shows the Access Key ID only:
 * {@code DeveloperCredentials[AKIAIOSFODNN7EXAMPLE, secret redacted]}.
 */
public final class DeveloperCredentials {

    private final AccessKeyId accessKeyId;
    private final SecretKey secretKey;

    private DeveloperCredentials(AccessKeyId accessKeyId, SecretKey secretKey) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
    }

    /**
     * Credentials from their text.
     *
     * @param accessKeyId the Access Key ID, 20 letters or digits
     * @param secretKey the Secret Key, 40 characters of the base64 alphabet
     * @return the credentials
     * @throws IllegalArgumentException when either is malformed; the message never repeats the secret
     */
    public static DeveloperCredentials of(String accessKeyId, String secretKey) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        return new DeveloperCredentials(AccessKeyId.of(accessKeyId.strip()), SecretKey.of(secretKey.strip()));
    }

    /**
     * Credentials from the protocol module's types.
     *
     * @param accessKeyId the Access Key ID
     * @param secretKey the Secret Key
     * @return the credentials
     */
    public static DeveloperCredentials of(AccessKeyId accessKeyId, SecretKey secretKey) {
        return new DeveloperCredentials(Objects.requireNonNull(accessKeyId, "accessKeyId"),
                Objects.requireNonNull(secretKey, "secretKey"));
    }

    /** The Access Key ID, sent as {@code AWSAccessKeyId}; not a secret. */
    public AccessKeyId accessKeyId() {
        return accessKeyId;
    }

    /** The Secret Key; {@link SecretKey#reveal()} is the only way to its text. */
    public SecretKey secretKey() {
        return secretKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeveloperCredentials c && accessKeyId.equals(c.accessKeyId) && secretKey.equals(c.secretKey);
    }

    @Override
    public int hashCode() {
        return accessKeyId.hashCode();
    }

    @Override
    public String toString() {
        return "DeveloperCredentials[" + accessKeyId + ", secret redacted]";
    }
}
