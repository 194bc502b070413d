package io.openmws.server.gateway;

/**
 * Whether a developer may call for a seller with a given MWS Auth Token. The authorizations feature
 * implements it; without that feature no grant exists and only self-access works.
 */
public interface SellerGrants {

    /** The gateway's verdict for (seller, developer, token). */
    enum Grant {
        /** An active, verified, unexpired authorization for exactly this token. */
        ACTIVE,
        /** No token was sent, and one is needed. */
        MISSING_TOKEN,
        /** Anything else: wrong token, pending, expired, revoked, unknown seller. */
        DENIED
    }

    Grant check(String sellerId, String developerId, String mwsAuthToken);
}
