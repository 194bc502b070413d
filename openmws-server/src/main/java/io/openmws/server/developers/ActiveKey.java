package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.protocol.marketplace.Region;

/**
 * What the API gateway learns from an {@code AWSAccessKeyId} that may sign calls: whose key it is
 * and its secret, to verify the signature with. Hold it only as long as the call lasts (or a short
 * cache), and never log it: {@link #toString()} redacts the secret.
 *
 * @param developerId       the developer the key belongs to
 * @param region            the region of the developer's registration
 * @param developerSellerId the Seller ID of the developer's own seller account (which it may call
 *                          without an MWS Auth Token)
 * @param secretKey         the decrypted Secret Key
 */
public record ActiveKey(AccessKeyId accessKeyId, DeveloperId developerId, Region region, String developerSellerId,
                        SecretKey secretKey) {

    @Override
    public String toString() {
        return "ActiveKey[accessKeyId=" + accessKeyId + ", developerId=" + developerId + ", region=" + region
                + ", developerSellerId=" + developerSellerId + ", secret redacted]";
    }
}
