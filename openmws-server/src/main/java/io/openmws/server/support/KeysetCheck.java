package io.openmws.server.support;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves at start that this node's keyset opens the secrets in its database, so that a node given
 * another keyset refuses to start, saying so, instead of answering every signed call with an
 * {@code InternalError} because it cannot open the Secret Keys the other nodes sealed.
 *
 * <p>The proof is the {@code platform_keyset_check} row: a value sealed by the first node that
 * started on the database. A database without it (made before the check existed) gets it from the
 * first node that opens one stored secret of each feature that has some ({@link SealedSecrets});
 * a node that cannot refuses the same way.
 */
final class KeysetCheck {

    static final String CONTEXT = "platform/keyset-check";
    private static final String PROOF = "OpenMWS keyset check";
    private static final Logger log = LoggerFactory.getLogger(KeysetCheck.class);

    private record Row(byte[] sealed, Instant sealedAt) {}

    private final JdbcClient jdbc;
    private final List<SealedSecrets> features;
    private final PlatformClock clock;

    KeysetCheck(JdbcClient jdbc, List<SealedSecrets> features, PlatformClock clock) {
        this.jdbc = jdbc;
        this.features = List.copyOf(features);
        this.clock = clock;
    }

    /**
     * Passes when {@code sealer} opens what the database holds, recording the proof when there is none yet.
     *
     * @param source where the keyset came from, for the refusal message (settings and paths, never key material)
     * @throws StartupSettingsException when the keyset cannot open the database's secrets
     */
    void verify(SecretSealer sealer, String source) {
        Optional<Row> row = read();
        if (row.isPresent()) {
            if (!PROOF.equals(open(sealer, row.get().sealed(), CONTEXT))) {
                throw refusal(source, "the keyset check that the first node on this database sealed at "
                        + row.get().sealedAt());
            }
            return;
        }
        for (SealedSecrets feature : features) {
            Optional<SealedSecrets.Sample> sample = feature.sample();
            if (sample.isPresent() && open(sealer, sample.get().sealed(), sample.get().context()) == null) {
                throw refusal(source, sample.get().what());
            }
        }
        try {
            jdbc.sql("INSERT INTO platform_keyset_check (id, sealed, sealed_at) VALUES (1, :sealed, :at)")
                    .param("sealed", sealer.seal(PROOF, CONTEXT))
                    .param("at", SqlTime.of(clock.realTime().instant()))
                    .update();
            log.info("Recorded the secrets keyset check in the database: every node sharing it must use this "
                    + "keyset ({})", source);
        } catch (DuplicateKeyException raced) {
            // Another node started at the same moment and recorded its own: this keyset must open that one.
            verify(sealer, source);
        }
    }

    private Optional<Row> read() {
        return jdbc.sql("SELECT sealed, sealed_at FROM platform_keyset_check WHERE id = 1")
                .query((rs, n) -> new Row(rs.getBytes("sealed"), SqlTime.read(rs, "sealed_at")))
                .optional();
    }

    /** The opened value, or null when this keyset cannot open it. */
    private static String open(SecretSealer sealer, byte[] sealed, String context) {
        try {
            return sealer.open(sealed, context);
        } catch (SecretSealer.SealBroken broken) {
            return null;
        }
    }

    private static StartupSettingsException refusal(String source, String what) {
        return new StartupSettingsException(List.of(new StartupSettingsException.Problem(
                "This node's secrets keyset cannot open the secrets in its database: they were sealed with"
                        + " another keyset, that of the nodes already using this database (it does not open " + what
                        + "). This node's keyset is " + source + ".",
                "Give every node that shares this database the same keyset: copy the keyset file of a node that"
                        + " works (openmws.secrets.keyset-file, OPENMWS_SECRETS_KEYSET_FILE; in sandbox mode"
                        + " ./data/secrets.keyset.json when unset) to this node and point"
                        + " openmws.secrets.keyset-file at it, or set OPENMWS_SECRETS_KEYSET to the same keyset"
                        + " on every node. A keyset made anew cannot open secrets sealed with another.")));
    }
}
