package io.openmws.server.reports;

import java.time.Instant;

/**
 * One generated report (table {@code report}): what {@code ReportInfo} shows, and where its bytes are.
 *
 * @param id              the internal id, ordering a seller's reports
 * @param reportId        the id clients see (up to 17 digits)
 * @param reportRequestId the {@code ReportRequestId} of the request that produced it
 * @param availableAt     {@code AvailableDate}: when generation finished, on the platform clock
 * @param acknowledgedAt  {@code AcknowledgedDate}; null unless acknowledged
 * @param contentType     the {@code Content-Type} GetReport sends, with the charset the bytes are in
 * @param blobKey         where the bytes are in the blob store
 * @param length          the number of bytes
 * @param md5Base64       base64 of their MD5 (GetReport's {@code Content-MD5})
 * @param dataRows        the number of rows after the header
 */
public record Report(long id, long reportId, long accountId, long reportRequestId, String reportType,
                     Instant availableAt, boolean acknowledged, Instant acknowledgedAt, String contentType,
                     String blobKey, long length, String md5Base64, long dataRows) {}
