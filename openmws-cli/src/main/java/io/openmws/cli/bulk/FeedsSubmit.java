package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.Table;
import io.openmws.sdk.FeedSubmissionFilter;
import io.openmws.sdk.FeedSubmissionInfo;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.ProcessingReport;
import io.openmws.sdk.SellerAccess;
import io.openmws.sdk.SubmitFeedOptions;
import io.openmws.sdk.store.StoredSeller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openmws feeds submit}: one feed file submitted for every seller at once, with the bytes sent shown as
 * they go, and with {@code --wait} each seller's processing report summarised.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {"Submits FILE as a feed of type FEED_TYPE for every stored seller at once (each for its own"
                + " marketplaces, or those of --marketplace) and prints each seller's FeedSubmissionId.",
            "With --wait, waits until each feed is processed (polling within the seller's quotas) and prints its"
                + " processing report's counts: processed, successful, with error, with warning. A feed whose report"
                + " has errors counts as OK for the exit code (it was submitted and processed); read the counts, and"
                + " the report itself, to see which records failed.",
            "Exit 0 when every seller's feed was submitted (and processed), 1 when none was, 3 when some were."},
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws feeds submit \\",
            "      --type _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_ prices.txt",
            "  openmws feeds submit --type _POST_PRODUCT_DATA_ products.xml --wait \\",
            "      --seller A2986ZQ066CH2F",
            "  openmws feeds submit --type _POST_FLAT_FILE_INVLOADER_DATA_ stock.txt \\",
            "      --wait --output csv"})
final class FeedsSubmit implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SellerOptions sellerOptions;

    @Option(names = "--type", paramLabel = "FEED_TYPE", required = true,
            description = "The FeedType, e.g. _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_ or _POST_PRODUCT_DATA_.")
    private String feedType;

    @Parameters(index = "0", paramLabel = "FILE", description = "The feed file, sent byte for byte.")
    private Path file;

    @Option(names = "--wait", description = "Wait for processing and print the processing report's counts.")
    private boolean await;

    @Option(names = "--marketplace", paramLabel = "MARKETPLACE_ID",
            description = "The marketplaces the feed is for (repeat, 1 to 5); default: each seller's stored ones.")
    private List<String> marketplaces = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60",
            description = "With --wait, how long to wait for each feed (default: ${DEFAULT-VALUE} minutes).")
    private long timeoutMinutes;

    /** What was done for one seller. */
    private record Submitted(FeedSubmissionInfo info, ProcessingReport report) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String type = checkedType();
        SubmitFeedOptions options = options();
        if (timeoutMinutes < 1) {
            throw CliFailure.usage("--timeout", "expected 1 or more minutes; got " + timeoutMinutes);
        }
        long size = readableSize();
        int parallel = sellerOptions.parallel();
        MwsClient client = cli.client();
        List<StoredSeller> sellers = sellerOptions.sellers(cli);

        List<SellerRun.Outcome<Submitted>> outcomes;
        try (Progress progress = Progress.of(cli)) {
            Progress.Phase done = progress.items("Sellers", sellers.size());
            Progress.Phase upload = progress.bytes("Upload", size * sellers.size());
            Progress.Phase processing = await ? progress.items("Processing", sellers.size()) : Progress.Phase.SILENT;
            outcomes = SellerRun.run(sellers, parallel, done,
                    s -> submit(client, s.access(), type, options, upload, processing));
        }
        if (outcomes.stream().allMatch(o -> !o.ok() && o.failure() instanceof MwsException m
                && "InvalidFeedType".equals(m.code()))) {
            throw CliFailure.usage("--type", "expected a feed type the endpoint accepts; it answered InvalidFeedType"
                    + " for " + type + " (" + outcomes.get(0).detail() + ")");
        }

        Table table = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("result", "RESULT"),
                Table.column("feedSubmissionId", "FEED SUBMISSION ID"), Table.column("status", "STATUS"),
                Table.column("processed", "PROCESSED"), Table.column("successful", "SUCCESSFUL"),
                Table.column("withError", "WITH ERROR"), Table.column("withWarning", "WITH WARNING"),
                Table.column("detail", "DETAIL"));
        for (SellerRun.Outcome<Submitted> o : outcomes) {
            Optional<Submitted> r = o.value();
            Optional<ProcessingReport> report = r.map(Submitted::report);
            table.row(o.sellerId(), o.resultWord(), r.map(x -> x.info().feedSubmissionId()).orElse(""),
                    r.map(x -> x.report() != null ? "_DONE_" : x.info().status().toString()).orElse(""),
                    report.map(p -> Long.toString(p.messagesProcessed())).orElse(""),
                    report.map(p -> Long.toString(p.messagesSuccessful())).orElse(""),
                    report.map(p -> Long.toString(p.messagesWithError())).orElse(""),
                    report.map(p -> Long.toString(p.messagesWithWarning())).orElse(""),
                    o.ok() ? report.filter(p -> p.messagesWithError() > 0)
                            .map(p -> p.messagesWithError() + " records failed; see the processing report").orElse("")
                            : o.detail());
        }
        cli.output().print(table);
        SellerRun.printStackTraces(cli, outcomes);
        return SellerRun.exitCode(outcomes);
    }

    private Submitted submit(MwsClient client, SellerAccess seller, String type, SubmitFeedOptions options,
                             Progress.Phase upload, Progress.Phase processing) throws IOException {
        FeedSubmissionInfo info;
        // The SDK reads the stream once, into a temporary file while computing the MD5 it signs, and sends that.
        try (InputStream in = new CountingInputStream(Files.newInputStream(file), upload)) {
            info = client.feeds().submit(seller, type, in, options);
        }
        if (!await) {
            return new Submitted(info, null);
        }
        try {
            // Results are only counted: a report of a million failed lines is not kept.
            ProcessingReport report = client.feeds().awaitResult(seller, info.feedSubmissionId(),
                    Duration.ofMinutes(timeoutMinutes), result -> { });
            return new Submitted(info, report);
        } catch (MwsException e) {
            // The feed was sent: say which, so that it is followed up rather than sent twice.
            throw CliFailure.failed("Feed " + info.feedSubmissionId() + " was submitted, but its result could not be"
                    + " read: " + e.getMessage(), e);
        } finally {
            processing.step();
        }
    }

    private String checkedType() {
        try {
            FeedSubmissionFilter.builder().feedTypes(feedType.strip());
            return feedType.strip();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--type", e.getMessage());
        }
    }

    private SubmitFeedOptions options() {
        if (marketplaces.isEmpty()) {
            return SubmitFeedOptions.defaults();
        }
        try {
            return SubmitFeedOptions.builder().marketplaceIds(marketplaces.stream().map(String::strip).toList()).build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--marketplace", e.getMessage());
        }
    }

    private long readableSize() {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage("FILE", "expected a readable feed file; " + file
                    + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        if (!Files.isReadable(file)) {
            throw CliFailure.usage("FILE", "expected a readable feed file; " + file + " cannot be read");
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw CliFailure.usage("FILE", "expected a readable feed file; " + file + ": " + e.getMessage());
        }
    }
}
