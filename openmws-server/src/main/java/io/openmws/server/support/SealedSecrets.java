package io.openmws.server.support;

import java.util.Optional;

/**
 * A feature that stores secrets sealed by {@link SecretSealer} hands one of them to the keyset check
 * at start, so that a node on a database from before that check (no {@code platform_keyset_check}
 * row yet) can prove its keyset opens what is stored before it proves anything for the others.
 *
 * <p>Implementations read the database only: they must not depend on {@link SecretSealer}, which
 * is made after the check.
 */
public interface SealedSecrets {

    /**
     * One stored sealed value.
     *
     * @param sealed  the ciphertext
     * @param context the context it was sealed with
     * @param what    what it is, for the refusal message, in words that hold no secret (e.g. "the
     *                Secret Key of access key AKIA...")
     */
    record Sample(byte[] sealed, String context, String what) {}

    /** One of the feature's sealed values, or none when it stores none yet. A cheap query: it runs at every start. */
    Optional<Sample> sample();
}
