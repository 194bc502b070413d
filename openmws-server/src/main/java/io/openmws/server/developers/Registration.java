package io.openmws.server.developers;

import io.openmws.protocol.marketplace.Region;
import java.time.Instant;

/**
 * A developer registration in progress: its step and what was entered so far.
 *
 * @param contactEmail the developer's contact email as entered ({@code null} before the first step)
 * @param details      the KYC details once saved, otherwise {@code null}
 * @param expiresAt    24 hours after the last change; an expired registration is deleted
 */
record Registration(
        long id,
        long accountId,
        Region region,
        RegistrationStep step,
        String contactEmail,
        Instant emailVerifiedAt,
        DeveloperDetails details,
        Instant createdAt,
        Instant expiresAt) {}
