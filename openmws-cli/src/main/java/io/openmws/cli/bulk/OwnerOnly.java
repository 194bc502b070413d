package io.openmws.cli.bulk;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What the bulk verbs create is created owner-only ({@code rwx------} folders, {@code rw-------} files) on
 * POSIX systems: orders and reports hold buyers' names, addresses and email addresses. Folders that exist
 * already, and an {@code orders.jsonl} appended to, keep their permissions.
 */
final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** The attributes of a new file. */
    static FileAttribute<?>[] file() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Creates a folder and the missing folders above it. */
    static Path createDirectories(Path dir) throws IOException {
        if (POSIX) {
            return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectories(dir);
    }
}
