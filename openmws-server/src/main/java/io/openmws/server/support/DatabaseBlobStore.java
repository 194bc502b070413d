package io.openmws.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blobs in the database (table {@code blob_chunk}), for several nodes on one PostgreSQL: chunks of
 * {@link #CHUNK_SIZE} bytes, each inserted as it fills under a temporary key, so a blob is never
 * whole in memory; {@link BlobOutput#commit()} deletes the old blob and renames the chunks to the
 * key in one transaction, so readers see the old blob or the new one, never half of one. Reading
 * fetches one chunk per query. Chunks are written in transactions of their own, never the caller's: a
 * report is written while its generator reads in a read-only transaction, which PostgreSQL would refuse
 * the inserts of, and a temporary chunk is worthless until the commit anyway.
 */
public class DatabaseBlobStore implements BlobStore {

    /** The size of every chunk but the last. */
    public static final int CHUNK_SIZE = 1024 * 1024;
    private static final String TEMP_PREFIX = "~tmp/";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final int chunkSize;
    private final Clock clock;

    /**
     * @param clock real time: when a write started, to find abandoned ones ({@link #deleteAbandoned})
     */
    public DatabaseBlobStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this(jdbc, transactions, clock, CHUNK_SIZE);
    }

    /** A store with chunks of {@code chunkSize} bytes (tests use small ones). */
    public DatabaseBlobStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, int chunkSize) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunkSize = chunkSize;
    }

    @Override
    public BlobOutput create(String key) {
        checkKey(key);
        // The temporary key says when the write started: ~tmp/{epoch millis}/{random}.
        return new ChunkOutput(key, TEMP_PREFIX + clock.millis() + "/" + UUID.randomUUID());
    }

    @Override
    public InputStream open(String key) throws IOException {
        checkKey(key);
        Optional<byte[]> first = chunk(key, 0);
        if (first.isEmpty()) {
            throw new NoSuchFileException(key);
        }
        return new ChunkInput(key, first.get());
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        jdbc.sql("DELETE FROM blob_chunk WHERE blob_key = :key").param("key", key).update();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("DELETE FROM blob_chunk").update();
    }

    @Override
    public int deleteAbandoned(Instant startedBefore) {
        List<String> temps = jdbc.sql("SELECT DISTINCT blob_key FROM blob_chunk WHERE blob_key LIKE :prefix")
                .param("prefix", TEMP_PREFIX + "%").query(String.class).list();
        int deleted = 0;
        for (String temp : temps) {
            String[] parts = temp.substring(TEMP_PREFIX.length()).split("/", 2);
            boolean old;
            try {
                old = Instant.ofEpochMilli(Long.parseLong(parts[0])).isBefore(startedBefore);
            } catch (NumberFormatException e) {
                old = true; // not a key this store makes
            }
            if (old) {
                jdbc.sql("DELETE FROM blob_chunk WHERE blob_key = :temp").param("temp", temp).update();
                deleted++;
            }
        }
        return deleted;
    }

    private Optional<byte[]> chunk(String key, int seq) {
        return jdbc.sql("SELECT bytes FROM blob_chunk WHERE blob_key = :key AND seq = :seq")
                .param("key", key).param("seq", seq)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 200 || key.startsWith(TEMP_PREFIX)) {
            throw new IllegalArgumentException("Invalid blob key");
        }
    }

    private final class ChunkOutput extends BlobOutput {

        private final String key;
        private final String tempKey;
        private final byte[] buffer = new byte[chunkSize];
        private final MessageDigest md5 = Hashes.md5();
        private int filled;
        private int seq;
        private long length;
        private boolean done;

        ChunkOutput(String key, String tempKey) {
            this.key = key;
            this.tempKey = tempKey;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("Blob output already committed or closed");
            }
            md5.update(b, off, len);
            length += len;
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() {
            byte[] bytes = filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled);
            int at = seq;
            ownTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO blob_chunk (blob_key, seq, bytes) VALUES (:key, :seq, :bytes)")
                    .param("key", tempKey).param("seq", at).param("bytes", bytes).update());
            seq++;
            filled = 0;
        }

        @Override
        public Blob commit() throws IOException {
            if (done) {
                throw new IOException("Blob output already committed or closed");
            }
            try {
                if (filled > 0 || seq == 0) {
                    flushChunk(); // an empty blob is one empty chunk, so that open() finds it
                }
                transaction.executeWithoutResult(status -> {
                    jdbc.sql("DELETE FROM blob_chunk WHERE blob_key = :key").param("key", key).update();
                    jdbc.sql("UPDATE blob_chunk SET blob_key = :key WHERE blob_key = :temp")
                            .param("key", key).param("temp", tempKey).update();
                });
                done = true;
            } catch (RuntimeException e) {
                close();
                throw new IOException("Could not store blob " + key, e);
            }
            return new Blob(key, length, Base64.getEncoder().encodeToString(md5.digest()));
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            ownTransaction.executeWithoutResult(status -> jdbc.sql("DELETE FROM blob_chunk WHERE blob_key = :temp")
                    .param("temp", tempKey).update());
        }
    }

    private final class ChunkInput extends InputStream {

        private final String key;
        private byte[] current;
        private int position;
        private int nextSeq = 1;
        private boolean last;

        ChunkInput(String key, byte[] first) {
            this.key = key;
            this.current = first;
        }

        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (last) {
                    return false;
                }
                Optional<byte[]> next;
                try {
                    next = chunk(key, nextSeq);
                } catch (RuntimeException e) {
                    throw new IOException("Could not read blob " + key, e);
                }
                if (next.isEmpty()) {
                    last = true;
                    return false;
                }
                nextSeq++;
                current = next.get();
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }
}
