package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/** What every {@link BlobStore} must do, run by the test of each store. */
public final class BlobStoreContract {

    private BlobStoreContract() {
    }

    /** A blob of several chunks (of {@code chunkSize}) comes back whole, with its length and MD5. */
    public static void roundTripOfSeveralChunks(BlobStore store, int chunkSize) throws Exception {
        byte[] bytes = new byte[chunkSize * 3 + 17];
        new Random(7).nextBytes(bytes);
        String key = "test/" + UUID.randomUUID() + "/body";
        BlobStore.Blob blob;
        try (BlobStore.BlobOutput out = store.create(key)) {
            // Odd-sized writes and single bytes, across chunk borders.
            int i = 0;
            out.write(bytes[i++]);
            while (i < bytes.length) {
                int n = Math.min(1000, bytes.length - i);
                out.write(bytes, i, n);
                i += n;
            }
            blob = out.commit();
        }
        assertThat(blob.key()).isEqualTo(key);
        assertThat(blob.length()).isEqualTo(bytes.length);
        assertThat(blob.md5Base64()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("MD5").digest(bytes)));
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.open(key)) {
            assertThat(in.read()).isEqualTo(bytes[0] & 0xff);
        }
        BlobStore.Blob empty = store.write(key + "-empty", InputStream.nullInputStream());
        assertThat(empty.length()).isZero();
        assertThat(empty.md5Base64()).isEqualTo("1B2M2Y8AsgTpgAmY7PhCfg==");
        try (InputStream in = store.open(key + "-empty")) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** Output closed without commit leaves nothing, not even for a key that had no blob before. */
    public static void uncommittedOutputLeavesNothing(BlobStore store, int chunkSize) throws Exception {
        String key = "test/" + UUID.randomUUID() + "/body";
        try (BlobStore.BlobOutput out = store.create(key)) {
            out.write(new byte[chunkSize * 2 + 5]);
        }
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
        store.write(key, text("old"));
        try (BlobStore.BlobOutput out = store.create(key)) {
            out.write(new byte[chunkSize + 1]);
            // abandoned: the old blob stays
        }
        assertThat(read(store, key)).isEqualTo("old");
    }

    /** Writing a key again replaces its blob; deleting removes it; a missing key is NoSuchFileException. */
    public static void replaceAndDelete(BlobStore store, int chunkSize) throws Exception {
        String key = "test/" + UUID.randomUUID() + "/result";
        store.write(key, new ByteArrayInputStream(new byte[chunkSize * 2 + 3]));
        store.write(key, text("short now"));
        assertThat(read(store, key)).isEqualTo("short now");
        store.delete(key);
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
        store.delete(key); // nothing there: nothing happens
        assertThatThrownBy(() -> store.open("test/" + UUID.randomUUID())).isInstanceOf(NoSuchFileException.class);
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(BlobStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
