package io.openmws.sdk;

import io.openmws.sdk.internal.ProcessingReportReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A feed's processing report, parsed: the summary counts and one {@link Result} per message that failed
 * or was warned about (successful messages have none). XML feeds get an XML {@code ProcessingReport}
 * (spec §1.4), flat files a tab-delimited summary; both read into this.
 *
 * <p>The results are held in memory. For a huge feed with many errors, pass a {@code Consumer} to
 * {@link FeedsApi#awaitResult(SellerAccess, String, java.time.Duration, Consumer)} or
 * {@link #read(InputStream, Consumer)}: each result is then handed over as it is read and none is kept.
 *
 * @param format which of the two the report was
 * @param documentTransactionId the XML report's {@code DocumentTransactionID} (the FeedSubmissionId); empty for flat files
 * @param statusCode the XML report's {@code StatusCode} ({@code Complete}, ...); empty for flat files
 * @param messagesProcessed messages (flat files: records) processed
 * @param messagesSuccessful of those, the successful ones
 * @param messagesWithError of those, the ones with an error
 * @param messagesWithWarning of those, the ones with a warning
 * @param results the failed and warned messages, in the report's order
 */
public record ProcessingReport(Format format, Optional<String> documentTransactionId, Optional<String> statusCode,
                               long messagesProcessed, long messagesSuccessful, long messagesWithError,
                               long messagesWithWarning, List<Result> results) {

    /** The report's form. */
    public enum Format {
        /** An {@code AmazonEnvelope} with a {@code ProcessingReport} (XML feeds). */
        XML,
        /** The tab-delimited {@code Feed Processing Summary} (flat-file feeds). */
        FLAT_FILE
    }

    /** Copies the results. */
    public ProcessingReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(documentTransactionId, "documentTransactionId");
        Objects.requireNonNull(statusCode, "statusCode");
        results = List.copyOf(results);
    }

    /**
     * Reads a processing report of either form (told apart by its first character), with the SDK's hardened
     * XML parser (no DTDs, no external entities) for XML ones.
     *
     * @param report the report's bytes; read to the end, not closed
     * @return the report
     * @throws IOException when it cannot be read or is neither form
     */
    public static ProcessingReport read(InputStream report) throws IOException {
        return ProcessingReportReader.read(report);
    }

    /**
     * Reads a processing report of either form, handing each result to {@code each} as it is read instead of
     * keeping it: for the reports of huge feeds, in constant memory.
     *
     * @param report the report's bytes; read to the end, not closed
     * @param each receives the results in the report's order
     * @return the report with its counts and no results
     * @throws IOException when it cannot be read or is neither form
     */
    public static ProcessingReport read(InputStream report, Consumer<Result> each) throws IOException {
        return ProcessingReportReader.read(report, Objects.requireNonNull(each, "each"));
    }

    /** The results that are errors. */
    public List<Result> errors() {
        return results.stream().filter(Result::isError).toList();
    }

    /** The results that are warnings. */
    public List<Result> warnings() {
        return results.stream().filter(Result::isWarning).toList();
    }

    /**
     * One failed or warned message.
     *
     * @param messageId the feed's {@code MessageID} (flat files: the 1-based data row); 0 for the file as a whole
     * @param resultCode {@code Error} or {@code Warning}
     * @param messageCode the {@code ResultMessageCode}, e.g. 8560
     * @param description what went wrong, in the endpoint's words
     * @param sku the message's SKU, when the report names one
     * @param additionalInfo the XML report's {@code AdditionalInfo} ({@code SKU}, {@code AmazonOrderID}, ...); for
     *     flat files the SKU alone
     */
    public record Result(long messageId, String resultCode, int messageCode, String description, Optional<String> sku,
                         Map<String, String> additionalInfo) {

        /** Copies the additional info. */
        public Result {
            Objects.requireNonNull(resultCode, "resultCode");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(sku, "sku");
            additionalInfo = Map.copyOf(additionalInfo);
        }

        /** Whether it is an error. */
        public boolean isError() {
            return "Error".equalsIgnoreCase(resultCode);
        }

        /** Whether it is a warning. */
        public boolean isWarning() {
            return "Warning".equalsIgnoreCase(resultCode);
        }
    }
}
