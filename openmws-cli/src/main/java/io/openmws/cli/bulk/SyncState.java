package io.openmws.cli.bulk;

import io.openmws.cli.OwnerOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * A seller's {@code sync-state.properties} beside its {@code orders.jsonl}: the {@code LastUpdateDate} from
 * which the next {@code orders sync} continues. Saved after each page is on disk (the newest
 * {@code LastUpdateDate} written, as the endpoint lists orders by it) and at the end of a sync (the end of the
 * window the endpoint answered for), always by replacing the whole file, so it is never half-written.
 */
final class SyncState {

    /** The file's name. */
    static final String FILE = "sync-state.properties";
    private static final String KEY = "lastUpdateDate";

    private final Path file;

    SyncState(Path sellerDir) {
        this.file = sellerDir.resolve(FILE);
    }

    /** Where the last sync got to; empty when the seller was never synced here. */
    Optional<Instant> resumeFrom() {
        Optional<String> value = OwnerOnly.readProperties(file).map(p -> p.getProperty(KEY));
        try {
            return value.map(String::strip).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + " has no valid " + KEY + " ('" + value.get() + "'); give --since", e);
        }
    }

    /** Saves where the next sync starts. */
    void save(Instant lastUpdateDate) throws IOException {
        Properties p = new Properties();
        p.setProperty(KEY, lastUpdateDate.toString());
        OwnerOnly.writeProperties(file, p, "openmws orders sync: the next run without --since continues from here");
    }
}
