package io.openmws.testkit;

import java.time.Instant;
import java.util.List;

/**
 * A seller's authorization of a developer, verified: what the developer needs to call for the seller.
 *
 * @param mwsAuthToken the MWS Auth Token (never printed by {@link #toString()})
 * @param status       {@code ACTIVE} for a fresh one
 * @param marketplaces the seller's marketplace ids
 */
public record SandboxAuthorization(String sellerId, String developerId, String mwsAuthToken, String status,
                                   Instant authorizedAt, Instant expiresAt, List<String> marketplaces) {

    public SandboxAuthorization {
        marketplaces = List.copyOf(marketplaces);
    }

    @Override
    public String toString() {
        return "SandboxAuthorization[sellerId=" + sellerId + ", developerId=" + developerId + ", status=" + status
                + ", expiresAt=" + expiresAt + ", token redacted]";
    }
}
