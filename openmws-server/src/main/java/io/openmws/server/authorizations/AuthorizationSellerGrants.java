package io.openmws.server.authorizations;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.server.gateway.SellerGrants;
import io.openmws.server.support.Hashes;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The authorizations feature's answer to the gateway: does this token let this developer call for
 * this seller? The gateway answers every refusal alike; the log tells pending, expired, revoked and
 * unknown apart (never with the token).
 *
 * <p>One indexed read by the token's SHA-256 per call, no cache, so a revocation or an expiry holds
 * for the very next call on every node.
 */
@Component
class AuthorizationSellerGrants implements SellerGrants {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSellerGrants.class);

    private final AuthorizationRepository repository;
    private final Clock clock;

    AuthorizationSellerGrants(AuthorizationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Grant check(String sellerId, String developerId, String mwsAuthToken) {
        if (mwsAuthToken == null || mwsAuthToken.isEmpty()) {
            return Grant.MISSING_TOKEN;
        }
        AuthorizationCheck check = activeFor(sellerId, developerId, mwsAuthToken);
        if (check.granted()) {
            log.debug("Developer {} calls for seller {} with an active authorization", developerId, sellerId);
            return Grant.ACTIVE;
        }
        log.info("Developer {} was refused access to seller {}: MWS Auth Token {}", developerId,
                printable(sellerId), check);
        return Grant.DENIED;
    }

    /**
     * Whether {@code token} lets the developer call for the seller now. One indexed read, no cache: a
     * revocation or an expiry holds for the very next call on every node.
     *
     * @param developerId the Developer ID, with or without dashes
     */
    AuthorizationCheck activeFor(String sellerId, String developerId, String token) {
        if (sellerId == null || developerId == null || !MwsAuthToken.isValid(token)
                || !DeveloperId.isValid(developerId.strip())) {
            return AuthorizationCheck.UNKNOWN;
        }
        String digits = DeveloperId.of(developerId.strip()).digits();
        return repository.byTokenHash(Hashes.sha256Hex(token))
                .filter(owner -> owner.sellerId() != null && owner.sellerId().equals(sellerId)
                        && owner.developerId().equals(digits))
                .map(owner -> switch (owner.status()) {
                    case PENDING_VERIFICATION -> AuthorizationCheck.PENDING_VERIFICATION;
                    case REVOKED -> AuthorizationCheck.REVOKED;
                    case EXPIRED -> AuthorizationCheck.EXPIRED;
                    case ACTIVE -> clock.instant().isBefore(owner.expiresAt())
                            ? AuthorizationCheck.ACTIVE : AuthorizationCheck.EXPIRED;
                })
                .orElse(AuthorizationCheck.UNKNOWN);
    }

    /** A Seller ID as the caller sent it, cut short and stripped of anything that could forge a log line. */
    private static String printable(String sellerId) {
        String s = sellerId == null ? "" : sellerId.replaceAll("[^A-Za-z0-9]", "?");
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
