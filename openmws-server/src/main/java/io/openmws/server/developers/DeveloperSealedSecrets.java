package io.openmws.server.developers;

import io.openmws.server.support.SealedSecrets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** One developer's Secret Key, as stored, for the keyset check at start. */
@Component
class DeveloperSealedSecrets implements SealedSecrets {

    private final DeveloperRepository developers;

    DeveloperSealedSecrets(DeveloperRepository developers) {
        this.developers = developers;
    }

    @Override
    public Optional<Sample> sample() {
        return developers.anySealedSecret().map(key -> new Sample(key.secretSealed(),
                Developers.sealContext(key.accessKeyId()), "the Secret Key of access key " + key.accessKeyId().value()));
    }
}
