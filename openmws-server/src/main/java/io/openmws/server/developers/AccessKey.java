package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import java.time.Instant;

/**
 * An access key as Developer Central lists it. It holds no secret: the Secret Key is shown once,
 * when the key is created, and never read back for display.
 *
 * @param lastUsedAt when a signed API call last used it (to the minute), or {@code null} if never
 */
public record AccessKey(AccessKeyId accessKeyId, KeyStatus status, Instant createdAt, Instant lastUsedAt) {

    public boolean active() {
        return status == KeyStatus.ACTIVE;
    }
}
