package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.server.gateway.CallerKeys;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The developers feature's answer to the gateway: which developer an access key belongs to. */
@Component
class DeveloperCallerKeys implements CallerKeys {

    private final Developers developers;
    // When this node last wrote "last used" for a key: busy keys need not write on every call.
    private final Map<String, Long> lastRecorded = new ConcurrentHashMap<>();

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
        long now = System.nanoTime();
        Long last = lastRecorded.get(accessKeyId);
        if (last != null && now - last < Developers.LAST_USED_PRECISION.toNanos()) {
            return;
        }
        if (AccessKeyId.isValid(accessKeyId)) {
            lastRecorded.put(accessKeyId, now);
            developers.recordUse(AccessKeyId.of(accessKeyId));
        }
    }
}
