package io.openmws.server.developers;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.marketplace.Region;
import java.time.Instant;

/**
 * A developer as the sandbox operator's list shows it: with the seller account that registered it
 * and the latest suspension or reinstatement. Nothing secret.
 *
 * @param statusChangedAt when the operator last suspended or reinstated it ({@code null}: never)
 * @param statusChangedBy who did: {@code operator} (pages) or {@code control-api}
 * @param statusReason    the reason given with the latest suspension, if any
 */
public record DeveloperListing(
        DeveloperId developerId,
        String developerName,
        String sellerId,
        String sellerEmail,
        Region region,
        DeveloperStatus status,
        Instant registeredAt,
        Instant statusChangedAt,
        String statusChangedBy,
        String statusReason) {

    public boolean active() {
        return status == DeveloperStatus.ACTIVE;
    }
}
