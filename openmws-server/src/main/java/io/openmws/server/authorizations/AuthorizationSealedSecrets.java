package io.openmws.server.authorizations;

import io.openmws.server.support.SealedSecrets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The newest authorization's MWS Auth Token, as stored, for the keyset check at start. */
@Component
class AuthorizationSealedSecrets implements SealedSecrets {

    private final AuthorizationRepository authorizations;

    AuthorizationSealedSecrets(AuthorizationRepository authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public Optional<Sample> sample() {
        return authorizations.newestSealedToken().map(row -> {
            AuthorizationRepository.SealedToken token = row.getValue();
            return new Sample(token.sealed(),
                    Authorizations.sealContext(token.accountId(), token.developerRef(), token.tokenHash()),
                    "the MWS Auth Token of authorization " + row.getKey());
        });
    }
}
