package io.openmws.sdk;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ReportsApi#download} wrote: a report whose MD5 matched the endpoint's {@code Content-MD5}.
 *
 * @param reportId the report
 * @param length its length in bytes
 * @param md5Base64 base64(MD5(report)), as checked
 * @param contentType the answer's Content-Type ({@code text/plain;charset=windows-1252} for a US flat file), when sent
 * @param requestId the request id of the answer that was kept
 * @param attempts how many downloads it took (more than one when an MD5 did not match)
 */
public record ReportDownload(String reportId, long length, String md5Base64, Optional<String> contentType,
                             String requestId, int attempts) {

    /** Checks that nothing is missing. */
    public ReportDownload {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(md5Base64, "md5Base64");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * The charset the report's text is in: the Content-Type's {@code charset}, else Windows-1252, what MWS uses
     * for flat files in North America and Europe. Give it to {@link FlatFileReport#open(java.nio.file.Path, Charset)}.
     */
    public Charset charset() {
        return FlatFileReport.charsetOf(contentType.orElse(null));
    }
}
