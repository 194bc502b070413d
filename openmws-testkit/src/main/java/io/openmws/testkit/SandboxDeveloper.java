package io.openmws.testkit;

/**
 * A registered MWS developer made for a test, with its access key.
 *
 * @param developerId   the 12-digit Developer ID
 * @param developerName the developer name sellers type to authorize it
 * @param sellerId      the Seller ID of the developer's own seller account (callable without a token)
 * @param accessKeyId   the Access Key ID that signs its calls
 * @param secretKey     the Secret Key (never printed by {@link #toString()})
 */
public record SandboxDeveloper(String developerId, String developerName, String sellerId, String accessKeyId,
                               String secretKey) {

    @Override
    public String toString() {
        return "SandboxDeveloper[developerId=" + developerId + ", developerName=" + developerName + ", sellerId="
                + sellerId + ", accessKeyId=" + accessKeyId + ", secret redacted]";
    }
}
