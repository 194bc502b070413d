package io.openmws.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where feed bodies, processing reports and reports are kept: streamed in and out, never whole in
 * memory, surviving restarts. Files under {@code ./data} for one node on the embedded default; the
 * database ({@code blob_chunk}) when several nodes share one PostgreSQL ({@code openmws.storage.type}).
 * A key is written once; writing it again replaces it (a report rewritten after a crash).
 */
public interface BlobStore {

    /** What a finished write stored. */
    record Blob(String key, long length, String md5Base64) {}

    /** A blob being written: {@link #commit()} makes it readable; {@link #close()} without it discards it. */
    abstract class BlobOutput extends OutputStream {
        public abstract Blob commit() throws IOException;
    }

    /** Copies {@code in} to a new blob, computing its length and MD5 on the way. */
    default Blob write(String key, InputStream in) throws IOException {
        try (BlobOutput out = create(key)) {
            in.transferTo(out);
            return out.commit();
        }
    }

    BlobOutput create(String key) throws IOException;

    /** Reads a blob; {@link java.nio.file.NoSuchFileException} when there is none under the key. */
    InputStream open(String key) throws IOException;

    /** Deletes a blob; nothing happens when there is none. */
    void delete(String key) throws IOException;

    /**
     * Deletes what writes that never ended left behind (the platform stopped in the middle of one):
     * their temporary data, if started before {@code startedBefore} (real time).
     *
     * @return how many abandoned writes were removed
     */
    int deleteAbandoned(java.time.Instant startedBefore) throws IOException;

    /** Deletes every blob, finished or not: what a sandbox reset does to the rows that named them. */
    void deleteAll() throws IOException;
}
