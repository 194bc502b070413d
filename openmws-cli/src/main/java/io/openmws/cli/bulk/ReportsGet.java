package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.cli.OwnerOnly;
import io.openmws.cli.Table;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.ReportDownload;
import io.openmws.sdk.ReportProcessingStatus;
import io.openmws.sdk.ReportRequestFilter;
import io.openmws.sdk.ReportRequestInfo;
import io.openmws.sdk.RequestReportOptions;
import io.openmws.sdk.SellerAccess;
import io.openmws.sdk.store.StoredSeller;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openmws reports get}: requests a report for every seller at once, waits for it within the seller's
 * quotas and downloads it with its MD5 checked, to standard output (one seller), a file (one seller) or a
 * folder of {@code <SellerId>-<type>.txt} files.
 */
@Command(name = "get", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {"Requests a report of type REPORT_TYPE for every stored seller at once (RequestReport for the"
                + " seller's marketplaces), waits until it is generated and downloads it, its MD5 checked.",
            "Where it goes: for one seller without --out, the report to standard output and nothing else (a failure"
                + " is one line on standard error); for one seller with --out FILE, that file, and the results table"
                + " on standard output; for several sellers --out is required and names a folder (created when"
                + " missing) that gets <SellerId>-<REPORT_TYPE>.txt per seller, also when --out is an existing folder"
                + " for one seller. A report that failed leaves no file behind.",
            "A request the endpoint answers with _DONE_NO_DATA_ is OK and writes no file.",
            "Exit 0 when every seller's report was fetched, 1 when none was, 3 when some were."},
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws reports get --type _GET_MERCHANT_LISTINGS_DATA_ \\",
            "      --seller A2986ZQ066CH2F > listings.txt",
            "  openmws reports get --type _GET_MERCHANT_LISTINGS_DATA_ --out listings.txt",
            "  openmws reports get --type _GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_ \\",
            "      --start 2026-01-01 --end 2026-01-31 --out reports/"})
final class ReportsGet implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SellerOptions sellerOptions;

    @Option(names = "--type", paramLabel = "REPORT_TYPE", required = true,
            description = "The ReportType, e.g. _GET_MERCHANT_LISTINGS_DATA_.")
    private String reportType;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "A file (one seller) or a folder (several sellers, or an existing folder); default: standard"
                    + " output, for one seller.")
    private Path out;

    @Option(names = "--start", paramLabel = "DATE", description = "The period's start (StartDate): an ISO date or date-time.")
    private String start;

    @Option(names = "--end", paramLabel = "DATE", description = "The period's end (EndDate): an ISO date or date-time.")
    private String end;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "60",
            description = "How long to wait for each report to be generated (default: ${DEFAULT-VALUE} minutes).")
    private long timeoutMinutes;

    /** What was fetched for one seller; no report id and no file for _DONE_NO_DATA_. */
    private record Fetched(String reportRequestId, String reportId, long bytes, Path file) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String type = checkedType();
        RequestReportOptions options = options();
        if (timeoutMinutes < 1) {
            throw CliFailure.usage("--timeout", "expected 1 or more minutes; got " + timeoutMinutes);
        }
        int parallel = sellerOptions.parallel();
        MwsClient client = cli.client();
        List<StoredSeller> sellers = sellerOptions.sellers(cli);
        boolean toStdout = out == null;
        boolean toFolder = !toStdout && (sellers.size() > 1 || Files.isDirectory(out));
        if (toStdout && sellers.size() > 1) {
            throw CliFailure.usage("--out", "expected a folder for the reports of " + sellers.size() + " sellers (each"
                    + " gets <SellerId>-" + type + ".txt); only one seller's report can go to standard output");
        }
        if (toFolder && Files.exists(out) && !Files.isDirectory(out)) {
            throw CliFailure.usage("--out", "expected a folder for the reports of " + sellers.size() + " sellers; "
                    + out + " is a file");
        }

        List<SellerRun.Outcome<Fetched>> outcomes;
        try (Progress progress = Progress.of(cli)) {
            Progress.Phase done = progress.items("Sellers", sellers.size());
            Progress.Phase generated = progress.items("Processing", sellers.size());
            Progress.Phase download = progress.bytes("Download", -1);
            outcomes = SellerRun.run(sellers, parallel, done, s -> {
                Path target = toStdout ? null : toFolder ? out.resolve(s.sellerId() + "-" + type + ".txt") : out;
                return fetch(cli, client, s.access(), type, options, target, generated, download);
            });
        }
        if (outcomes.stream().allMatch(o -> !o.ok() && o.failure() instanceof MwsException m
                && "InvalidReportType".equals(m.code()))) {
            throw CliFailure.usage("--type", "expected a report type the endpoint accepts for RequestReport; it"
                    + " answered InvalidReportType for " + type + " (" + outcomes.get(0).detail() + ")");
        }

        if (toStdout) {
            SellerRun.Outcome<Fetched> only = outcomes.get(0);
            if (!only.ok()) {
                throw CliFailure.failed(only.detail(), only.failure());
            }
            Fetched f = only.result();
            cli.output().info(f.reportId() == null ? "Seller " + only.sellerId() + ": no data for the period"
                    + " (_DONE_NO_DATA_); nothing written" : "Seller " + only.sellerId() + ": report " + f.reportId()
                    + ", " + f.bytes() + " bytes, MD5 checked");
            return ExitCode.OK;
        }
        Table table = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("result", "RESULT"),
                Table.column("reportRequestId", "REPORT REQUEST ID"), Table.column("reportId", "REPORT ID"),
                Table.column("bytes", "BYTES"), Table.column("file", "FILE"), Table.column("detail", "DETAIL"));
        for (SellerRun.Outcome<Fetched> o : outcomes) {
            Optional<Fetched> r = o.value();
            table.row(o.sellerId(), o.resultWord(), r.map(Fetched::reportRequestId).orElse(""),
                    r.map(Fetched::reportId).orElse(""), r.map(x -> Long.toString(x.bytes())).orElse(""),
                    r.map(Fetched::file).map(Path::toString).orElse(""),
                    o.ok() ? r.filter(x -> x.reportId() == null).map(x -> "no data for the period (_DONE_NO_DATA_)")
                            .orElse("") : o.detail());
        }
        cli.output().print(table);
        SellerRun.printStackTraces(cli, outcomes);
        return SellerRun.exitCode(outcomes);
    }

    private Fetched fetch(Cli cli, MwsClient client, SellerAccess seller, String type, RequestReportOptions options,
                          Path target, Progress.Phase generated, Progress.Phase download) throws IOException {
        ReportRequestInfo requested = client.reports().requestReport(seller, type, options);
        ReportRequestInfo finished;
        try {
            finished = client.reports().awaitReport(seller, requested.reportRequestId(), Duration.ofMinutes(timeoutMinutes));
        } finally {
            generated.step();
        }
        if (finished.status() == ReportProcessingStatus.DONE_NO_DATA) {
            return new Fetched(requested.reportRequestId(), null, 0, null);
        }
        String reportId = finished.generatedReportId().orElseThrow(() -> CliFailure.failed("Report request "
                + requested.reportRequestId() + " ended " + finished.status().wireValue() + " without a report"));
        if (target == null) {
            // Standard output is the process's: not closed, only flushed.
            OutputStream stdout = cli.terminal().out();
            ReportDownload d = client.reports().download(seller, reportId, new CountingOutputStream(stdout, download));
            stdout.flush();
            return new Fetched(requested.reportRequestId(), reportId, d.length(), null);
        }
        return new Fetched(requested.reportRequestId(), reportId, toFile(client, seller, reportId, target, download),
                target);
    }

    /** Downloads beside the target and moves it into place: a failed download leaves no file, an old one untouched. */
    private static long toFile(MwsClient client, SellerAccess seller, String reportId, Path target,
                               Progress.Phase download) throws IOException {
        Path absolute = target.toAbsolutePath();
        OwnerOnly.createDirectories(absolute.getParent());
        Path part = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            Files.deleteIfExists(part);
            Files.createFile(part, OwnerOnly.file());
            ReportDownload d;
            try (OutputStream file = new CountingOutputStream(Files.newOutputStream(part), download)) {
                d = client.reports().download(seller, reportId, file);
            }
            try {
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return d.length();
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private String checkedType() {
        try {
            ReportRequestFilter.builder().reportTypes(reportType.strip());
            return reportType.strip();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--type", e.getMessage());
        }
    }

    private RequestReportOptions options() {
        Optional<Instant> from = Optional.ofNullable(start).map(s -> DateArgument.parse("--start", s));
        Optional<Instant> to = Optional.ofNullable(end).map(s -> DateArgument.parse("--end", s));
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw CliFailure.usage("--end", "expected a date after --start (" + from.get() + "); got " + to.get());
        }
        RequestReportOptions.Builder b = RequestReportOptions.builder();
        try {
            from.ifPresent(b::startDate);
            to.ifPresent(b::endDate);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(from.isPresent() ? "--start" : "--end", e.getMessage());
        }
    }
}
