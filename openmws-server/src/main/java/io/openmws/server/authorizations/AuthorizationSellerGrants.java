package io.openmws.server.authorizations;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.server.authorizations.AuthorizationRepository.TokenOwner;
import io.openmws.server.gateway.SellerGrants;
import io.openmws.server.support.AccessVersion;
import io.openmws.server.support.Hashes;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The authorizations feature's answer to the gateway: does this token let this developer call for
 * this seller? The gateway answers every refusal alike; the log tells pending, expired, revoked and
 * unknown apart (never with the token).
 *
 * <p>What a token's SHA-256 names (seller, developer, status, expiry) is kept per node with the
 * {@link AccessVersion} read before it, and read again (one indexed read) once that version moves:
 * every grant, verification, renewal, revocation and expiry moves it, and the expiry time itself is
 * compared with the clock on every call, so a revocation or an expiry holds for the very next call on
 * every node. Only hashes are kept, never a token.
 */
@Component
class AuthorizationSellerGrants implements SellerGrants {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSellerGrants.class);

    /** About one entry per authorization calling through this node; past it, the node starts afresh. */
    private static final int MAX_KEPT = 100_000;

    private final Clock clock;
    private final AccessVersion.Cache<String, Optional<TokenOwner>> owners;

    AuthorizationSellerGrants(AuthorizationRepository repository, Clock clock, AccessVersion accessVersion) {
        this.clock = clock;
        this.owners = accessVersion.cache(MAX_KEPT, repository::byTokenHash);
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
     * Whether {@code token} lets the developer call for the seller now, as of this request's arrival.
     *
     * @param developerId the Developer ID, with or without dashes
     */
    AuthorizationCheck activeFor(String sellerId, String developerId, String token) {
        if (sellerId == null || developerId == null || !MwsAuthToken.isValid(token)
                || !DeveloperId.isValid(developerId.strip())) {
            return AuthorizationCheck.UNKNOWN;
        }
        String digits = DeveloperId.of(developerId.strip()).digits();
        return owners.get(Hashes.sha256Hex(token))
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
