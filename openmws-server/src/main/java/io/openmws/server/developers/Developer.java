package io.openmws.server.developers;

import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.marketplace.Region;
import java.time.Instant;

/**
 * A registered MWS developer, as Developer Central and other features see it.
 *
 * @param ref               the row's own number, for joins; never shown
 * @param developerId       the Developer ID sellers type to authorize this developer
 * @param accountId         the seller account that registered
 * @param region            the region the registration holds in (of the account's home marketplace)
 * @param name              the developer name sellers type with the Developer ID
 * @param licenseVersion    the version of the license agreement accepted at registration
 * @param licenseAcceptedAt when it was accepted
 */
public record Developer(
        long ref,
        DeveloperId developerId,
        long accountId,
        Region region,
        String name,
        DeveloperStatus status,
        String contactEmail,
        String licenseVersion,
        Instant licenseAcceptedAt,
        Instant registeredAt) {

    public boolean active() {
        return status == DeveloperStatus.ACTIVE;
    }
}
