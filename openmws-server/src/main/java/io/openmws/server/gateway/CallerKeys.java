package io.openmws.server.gateway;

import io.openmws.protocol.signature.SigningSecret;
import java.util.Optional;

/**
 * Where the gateway finds the developer behind an {@code AWSAccessKeyId}. The developers feature
 * implements it; the gateway only asks, so it depends on no feature.
 */
public interface CallerKeys {

    /**
     * The developer of an access key that may sign calls now: an active key of an active developer.
     * Unknown, deactivated and deleted keys, and keys of suspended developers, give empty.
     */
    Optional<CallerKey> activeKey(String accessKeyId);

    /** Notes that a key signed a call that passed verification (for "last used"). */
    void used(String accessKeyId);

    /**
     * A key that may sign calls.
     *
     * @param developerId  the developer's 12-digit Developer ID
     * @param ownSellerId  the Seller ID of the account that registered the developer: it may call
     *                     for that seller without an MWS Auth Token
     * @param secret       the key's secret, ready for HMAC (its {@code toString()} is redacted)
     */
    record CallerKey(String accessKeyId, String developerId, String ownSellerId, SigningSecret secret) {}
}
