package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.server.gateway.CallerKeys;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The developers feature's answer to the gateway: which developer an access key belongs to. */
@Component
class DeveloperCallerKeys implements CallerKeys {

    private final Developers developers;

    DeveloperCallerKeys(Developers developers) {
        this.developers = developers;
    }

    @Override
    public Optional<CallerKey> activeKey(String accessKeyId) {
        return developers.activeKey(accessKeyId).map(key -> new CallerKey(key.accessKeyId().value(),
                key.developerId().digits(), key.developerSellerId(), SigningSecret.of(key.secretKey().reveal())));
    }

    @Override
    public void used(String accessKeyId) {
        if (AccessKeyId.isValid(accessKeyId)) {
            developers.recordUse(AccessKeyId.of(accessKeyId));
        }
    }
}
