package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void roundTripOfSeveralChunks() throws Exception {
        BlobStoreContract.roundTripOfSeveralChunks(new FileBlobStore(root), 64 * 1024);
    }

    @Test
    void uncommittedOutputLeavesNothing() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStoreContract.uncommittedOutputLeavesNothing(store, 64 * 1024);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()).isEmpty();
        }
    }

    @Test
    void replaceAndDelete() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStoreContract.replaceAndDelete(store, 64 * 1024);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void blobsAreFilesOnlyTheirOwnerReads() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        store.write("feeds/12345678901/body", BlobStoreContract.text("feed"));
        Path file = root.resolve("feeds/12345678901/body");
        assertThat(Files.readString(file)).isEqualTo("feed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void writesAbandonedLongAgoAreRemovedAndRunningOnesKept() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        BlobStore.BlobOutput running = store.create("feeds/1/body");
        running.write(new byte[10]);
        Path abandoned = Files.createDirectories(root.resolve("feeds/2")).resolve(".blob-123.part");
        Files.write(abandoned, new byte[10]);
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2))));

        assertThat(store.deleteAbandoned(java.time.Instant.now().minus(java.time.Duration.ofDays(1)))).isEqualTo(1);
        assertThat(Files.exists(abandoned)).isFalse();
        assertThat(Files.exists(root.resolve("feeds/2"))).isFalse();
        running.write(new byte[5]);
        assertThat(running.commit().length()).isEqualTo(15);
        running.close();
    }

    @Test
    void keysThatCouldLeaveTheFolderAreRefused() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        for (String key : new String[] {"../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", ".", "..", "", "a/",
                "a\\b", "a/b.part", "a b", "ä"}) {
            assertThatThrownBy(() -> store.create(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.pathOf("reports/1/report.txt")).isEqualTo(root.toAbsolutePath().resolve("reports/1/report.txt"));
    }
}
