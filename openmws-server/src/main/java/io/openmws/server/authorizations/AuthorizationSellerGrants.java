package io.openmws.server.authorizations;

import io.openmws.server.gateway.SellerGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The authorizations feature's answer to the gateway: does this token let this developer call for
 * this seller? The gateway answers every refusal alike; the log tells pending, expired, revoked and
 * unknown apart (never with the token).
 */
@Component
class AuthorizationSellerGrants implements SellerGrants {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSellerGrants.class);

    private final Authorizations authorizations;

    AuthorizationSellerGrants(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public Grant check(String sellerId, String developerId, String mwsAuthToken) {
        if (mwsAuthToken == null || mwsAuthToken.isEmpty()) {
            return Grant.MISSING_TOKEN;
        }
        AuthorizationCheck check = authorizations.activeFor(sellerId, developerId, mwsAuthToken);
        if (check.granted()) {
            log.debug("Developer {} calls for seller {} with an active authorization", developerId, sellerId);
            return Grant.ACTIVE;
        }
        log.info("Developer {} was refused access to seller {}: MWS Auth Token {}", developerId,
                printable(sellerId), check);
        return Grant.DENIED;
    }

    /** A Seller ID as the caller sent it, cut short and stripped of anything that could forge a log line. */
    private static String printable(String sellerId) {
        String s = sellerId == null ? "" : sellerId.replaceAll("[^A-Za-z0-9]", "?");
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
