package io.openmws.sdk.internal;

import io.openmws.sdk.MwsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A raw download whose bytes are checked against the answer's {@code Content-MD5} before anyone sees them
 * (GetFeedSubmissionResult, GetReport): each answer is spooled to a temporary file while its MD5 is
 * computed; one that does not match is downloaded again, up to {@link #MD5_RETRIES} more times, as the MWS
 * documentation asks clients to do. Never more than a buffer in memory.
 */
public final class CheckedDownload {

    /** How often a download whose MD5 does not match is tried again (the documentation says up to 3 times). */
    public static final int MD5_RETRIES = 3;

    /**
     * A download whose MD5 matched; closing it deletes its file.
     *
     * @param spool the bytes, in a temporary file
     * @param contentType the answer's Content-Type, when sent
     * @param requestId the answer's request id, or empty
     * @param attempts how many downloads it took
     */
    public record Verified(Spool spool, Optional<String> contentType, String requestId, int attempts)
            implements AutoCloseable {

        /** Deletes the file. */
        @Override
        public void close() {
            try {
                spool.close();
            } catch (IOException e) {
                throw new UncheckedIOException("A temporary file could not be deleted: " + e.getMessage(), e);
            }
        }
    }

    private record Answer(Spool spool, Optional<String> contentMd5, Optional<String> contentType, String requestId) {
    }

    private CheckedDownload() {
    }

    /**
     * Downloads until the MD5 matches.
     *
     * @param executor sends the call
     * @param call the download call
     * @param dir the folder of the temporary file; {@code null} for {@code java.io.tmpdir}
     * @param prefix the temporary file name's prefix
     * @param what what is downloaded, for messages: {@code "The processing report of feed 51793018437"}
     * @return the checked download; the caller closes it
     * @throws MwsException when a call fails, with code {@code ContentMD5DoesNotMatch} when four downloads in a
     *     row did not match, or {@code ContentMD5Missing} when an answer had no {@code Content-MD5}
     * @throws UncheckedIOException when the temporary file cannot be written or deleted
     */
    public static Verified fetch(CallExecutor executor, MwsCall call, Path dir, String prefix, String what) {
        String lastMismatch = "";
        String lastRequestId = null;
        for (int attempt = 1; attempt <= 1 + MD5_RETRIES; attempt++) {
            Answer a = executor.execute(call, ResponseParser.withHeaders(
                    (InputStream body, String requestId, HttpHeaders headers) -> new Answer(
                            dir == null ? Spool.of(body, prefix) : Spool.of(body, dir, prefix),
                            headers.firstValue("Content-MD5").map(String::strip), headers.firstValue("Content-Type"),
                            requestId)));
            boolean kept = false;
            try {
                lastRequestId = a.requestId;
                if (a.contentMd5.isEmpty()) {
                    throw MwsException.builder().kind(MwsException.Kind.UNEXPECTED_RESPONSE).code("ContentMD5Missing")
                            .httpStatus(200).requestId(a.requestId).attempts(attempt)
                            .message(what + " came without a Content-MD5 header, so it cannot be checked; MWS"
                                    + " endpoints always send one").build();
                }
                if (a.contentMd5.get().equals(a.spool.md5Base64())) {
                    kept = true;
                    return new Verified(a.spool, a.contentType, a.requestId == null ? "" : a.requestId, attempt);
                }
                lastMismatch = "its Content-MD5 header says " + a.contentMd5.get() + " but the " + a.spool.length()
                        + " bytes received hash to " + a.spool.md5Base64();
            } finally {
                if (!kept) {
                    try {
                        a.spool.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("A temporary file could not be deleted: " + e.getMessage(), e);
                    }
                }
            }
        }
        throw MwsException.builder().kind(MwsException.Kind.UNEXPECTED_RESPONSE).code("ContentMD5DoesNotMatch")
                .httpStatus(200).requestId(lastRequestId).attempts(1 + MD5_RETRIES)
                .message(what + " arrived damaged " + (1 + MD5_RETRIES) + " times; the last time " + lastMismatch)
                .build();
    }
}
