package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.ids.SecretKey;
import java.util.Objects;

/**
 * Credentials just issued, for the one page that shows them: at registration, or when a developer
 * creates another access key. The Secret Key is not kept anywhere in the clear after that page.
 */
record IssuedCredentials(DeveloperId developerId, String developerName, AccessKeyId accessKeyId, SecretKey secretKey) {

    IssuedCredentials {
        Objects.requireNonNull(developerId, "developerId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String toString() {
        return "IssuedCredentials[developerId=" + developerId + ", accessKeyId=" + accessKeyId + ", secret redacted]";
    }
}
