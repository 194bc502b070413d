package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.server.gateway.CallerKeys;
import io.openmws.server.support.AccessVersion;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The developers feature's answer to the gateway: which developer an access key belongs to.
 *
 * <p>Whether a key may sign is kept per node with the {@link AccessVersion} read before it, and read
 * again once that version moves: creating, deactivating, reactivating or deleting a key, suspending or
 * reinstating a developer and activating an account all move it, so a deactivated key, a suspended
 * developer or a closed account is refused at the next call on every node. Besides, the opened secret
 * of the sealed bytes read is kept: opening them (AEAD) and keying the HMACs cost about a twentieth of
 * a signed call, and the same sealed bytes always open to the same secret. A key whose secret is sealed
 * anew (a new keyset) reads different bytes and is opened again.
 */
@Component
class DeveloperCallerKeys implements CallerKeys {

    /** One entry per active key signing through this node; far more than that only after churn. */
    private static final int MAX_OPENED = 10_000;

    private record Opened(byte[] sealed, SigningSecret secret) {}

    private final Developers developers;
    private final AccessVersion.Cache<String, Optional<CallerKey>> active;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    // When this node last wrote "last used" for a key: busy keys need not write on every call.
    private final Map<String, Long> lastRecorded = new ConcurrentHashMap<>();

    DeveloperCallerKeys(Developers developers, AccessVersion accessVersion) {
        this.developers = developers;
        this.active = accessVersion.cache(MAX_OPENED, this::read);
    }

    @Override
    public Optional<CallerKey> activeKey(String accessKeyId) {
        return active.get(accessKeyId);
    }

    private Optional<CallerKey> read(String accessKeyId) {
        return developers.activeSealedKey(accessKeyId).map(key -> new CallerKey(key.accessKeyId().value(),
                key.developerId().digits(), key.developerSellerId(), signingSecret(key)));
    }

    private SigningSecret signingSecret(DeveloperRepository.SealedKey key) {
        String id = key.accessKeyId().value();
        Opened known = opened.get(id);
        if (known != null && Arrays.equals(known.sealed(), key.secretSealed())) {
            return known.secret();
        }
        SigningSecret secret = SigningSecret.of(developers.open(key).reveal());
        if (opened.size() >= MAX_OPENED) {
            opened.clear();
        }
        opened.put(id, new Opened(key.secretSealed().clone(), secret));
        return secret;
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
