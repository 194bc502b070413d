package io.openmws.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the CLI creates is created owner-only ({@code rwx------} folders, {@code rw-------} files) on
 * POSIX systems: profiles hold the access key and tokens (sealed, but with their keyset beside them), orders
 * and reports hold buyers' names, addresses and email addresses, and a raw answer may hold either. Folders
 * that exist already, and a file appended to, keep their permissions.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** The attributes of a new file. */
    public static FileAttribute<?>[] file() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates a folder and the missing folders above it. */
    public static Path createDirectories(Path dir) throws IOException {
        if (POSIX) {
            return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectories(dir);
    }

    /** A new temporary file in the system's temporary folder. */
    public static Path createTempFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(prefix, suffix, file());
    }

    /**
     * A properties file, when it exists.
     *
     * @throws UncheckedIOException when it exists and cannot be read
     */
    public static Optional<Properties> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(p);
    }

    /**
     * Replaces a properties file at once: written beside it, then moved over it, so that a reader (or a crash)
     * never sees it half-written.
     *
     * @param file the file; its folder exists
     * @param properties what it holds
     * @param comment its first line
     */
    public static void writeProperties(Path file, Properties properties, String comment) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        Files.createFile(temp, file());
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, comment);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
