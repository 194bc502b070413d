package io.openmws.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A temporary file with the length and base64 MD5 of what was written to it, computed on the way: a feed
 * read from a stream before it is sent (its MD5 is signed, so it must be known first), or a download
 * before its MD5 is checked. Never more than a buffer in memory. {@link #close()} deletes the file.
 *
 * @param path the file
 * @param length its length
 * @param md5Base64 base64(MD5(content))
 */
public record Spool(Path path, long length, String md5Base64) implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    /**
     * Copies a stream to a new temporary file (owner-only where the file system allows it, as the JDK
     * creates temporary files), hashing it. The file is deleted again when the copy fails.
     *
     * @param in the content; read to its end, not closed
     * @param prefix the file name's prefix
     * @return the spooled content
     * @throws IOException when reading or writing fails
     */
    public static Spool of(InputStream in, String prefix) throws IOException {
        return of(in, Files.createTempFile(prefix, ".tmp"));
    }

    /**
     * Copies a stream to a new temporary file in {@code dir}, hashing it: a download that is to be moved to
     * its place in that folder once checked. The file is deleted again when the copy fails.
     *
     * @param in the content; read to its end, not closed
     * @param dir the folder
     * @param prefix the file name's prefix
     * @return the spooled content
     * @throws IOException when reading or writing fails
     */
    public static Spool of(InputStream in, Path dir, String prefix) throws IOException {
        return of(in, Files.createTempFile(dir, prefix, ".tmp"));
    }

    private static Spool of(InputStream in, Path file) throws IOException {
        try {
            MessageDigest md5 = md5();
            long length = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    md5.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    length += n;
                }
            }
            return new Spool(file, length, Base64.getEncoder().encodeToString(md5.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * The base64 MD5 of a file, read once as a stream.
     *
     * @param file the file
     * @return base64(MD5(file))
     * @throws IOException when it cannot be read
     */
    public static String md5Base64(Path file) throws IOException {
        MessageDigest md5 = md5();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /** Copies the content to {@code out}, which is not closed. */
    public void copyTo(OutputStream out) throws IOException {
        Files.copy(path, out);
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
