package io.openmws.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link FeedsApi#result} wrote: a processing report whose MD5 matched the endpoint's {@code Content-MD5}.
 *
 * @param feedSubmissionId the submission
 * @param length the report's length in bytes
 * @param md5Base64 base64(MD5(report)), as checked
 * @param contentType the answer's Content-Type ({@code text/xml;charset=UTF-8} for XML reports), when sent
 * @param requestId the request id of the answer that was kept
 * @param attempts how many downloads it took (more than one when an MD5 did not match)
 */
public record FeedResultDownload(String feedSubmissionId, long length, String md5Base64, Optional<String> contentType,
                                 String requestId, int attempts) {

    /** Checks that nothing is missing. */
    public FeedResultDownload {
        Objects.requireNonNull(feedSubmissionId, "feedSubmissionId");
        Objects.requireNonNull(md5Base64, "md5Base64");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(requestId, "requestId");
    }
}
