package io.openmws.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under one folder, for a single node: a key {@code feeds/123/body} is the file
 * {@code feeds/123/body} below it. A blob is written to a temporary file in its own folder and moved
 * into place on {@link BlobOutput#commit()}, so a reader never sees half a blob; the files are
 * readable by the platform's user only (where the file system has POSIX permissions).
 */
public class FileBlobStore implements BlobStore {

    /** Keys are ours: segments of letters, digits, '-', '_' and '.', never "." or "..". */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final String TEMP_SUFFIX = ".part";

    private final Path root;
    private final boolean posix;

    public FileBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(this.root);
    }

    @Override
    public BlobOutput create(String key) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Path temp = posix
                ? Files.createTempFile(target.getParent(), ".blob-", TEMP_SUFFIX,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(target.getParent(), ".blob-", TEMP_SUFFIX);
        return new FileOutput(key, target, temp);
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(path);
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = pathOf(key);
        Files.deleteIfExists(path);
        deleteFolderIfEmpty(path.getParent());
    }

    @Override
    public int deleteAbandoned(java.time.Instant startedBefore) throws IOException {
        List<Path> abandoned;
        try (Stream<Path> files = Files.walk(root)) {
            abandoned = files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant().isBefore(startedBefore);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
        int deleted = 0;
        for (Path temp : abandoned) {
            if (Files.deleteIfExists(temp)) {
                deleted++;
            }
            deleteFolderIfEmpty(temp.getParent());
        }
        return deleted;
    }

    @Override
    public void deleteAll() throws IOException {
        List<Path> everything;
        try (Stream<Path> paths = Files.walk(root)) {
            // Deepest first, so that each folder is empty when its turn comes; the root itself stays.
            everything = paths.filter(p -> !p.equals(root)).sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path path : everything) {
            Files.deleteIfExists(path);
        }
    }

    /** Removes a blob's own folder once it holds nothing (never the store's root or a shared top folder). */
    private void deleteFolderIfEmpty(Path folder) {
        if (folder.getParent() == null || folder.getParent().equals(root) || folder.equals(root)) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Not empty (another blob of the same folder) or already gone: it stays.
        }
    }

    /** The file of a key; an {@link IllegalArgumentException} for a key that could leave the folder. */
    Path pathOf(String key) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("Invalid blob key");
        }
        Path path = root;
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.endsWith(TEMP_SUFFIX)) {
                throw new IllegalArgumentException("Invalid blob key: " + key);
            }
            path = path.resolve(segment);
        }
        Path normalized = path.normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return normalized;
    }

    private final class FileOutput extends BlobOutput {

        private final String key;
        private final Path target;
        private final Path temp;
        private final OutputStream out;
        private final MessageDigest md5 = Hashes.md5();
        private long length;
        private boolean done;

        FileOutput(String key, Path target, Path temp) throws IOException {
            this.key = key;
            this.target = target;
            this.temp = temp;
            this.out = Files.newOutputStream(temp);
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            out.write(b);
            md5.update((byte) b);
            length++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            out.write(b, off, len);
            md5.update(b, off, len);
            length += len;
        }

        @Override
        public Blob commit() throws IOException {
            ensureOpen();
            done = true;
            try {
                out.close();
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return new Blob(key, length, Base64.getEncoder().encodeToString(md5.digest()));
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temp);
                deleteFolderIfEmpty(temp.getParent());
            }
        }

        private void ensureOpen() throws IOException {
            if (done) {
                throw new IOException("Blob output already committed or closed");
            }
        }
    }
}
