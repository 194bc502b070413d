package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.OwnerOnly;
import io.openmws.cli.Table;
import io.openmws.sdk.ListOrdersRequest;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.Order;
import io.openmws.sdk.OrderItem;
import io.openmws.sdk.OrdersPage;
import io.openmws.sdk.SellerAccess;
import io.openmws.sdk.store.StoredSeller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openmws orders sync}: for each seller, the orders that changed since a date (or since the last sync),
 * with their items, appended to {@code DIR/<SellerId>/orders.jsonl} page by page, and the point to continue
 * from kept in {@code DIR/<SellerId>/sync-state.properties}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = {"Appends every order that changed since DATE (or since the last sync) to"
                + " DIR/<SellerId>/orders.jsonl, one JSON object per line with its items, for every stored seller at"
                + " once. The file is a change log: an order that changed again appears again, and the last line for"
                + " an AmazonOrderId is its latest state.",
            "DIR/<SellerId>/sync-state.properties keeps the last LastUpdateDate written (saved after each page), so a"
                + " run without --since continues from there, also after an interrupted run; --since starts again"
                + " from DATE. The endpoint lists orders up to two minutes before its own now; later changes come"
                + " with the next run.",
            "Exit 0 when every seller synced, 1 when none did, 3 when some did."},
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws orders sync --since 2026-01-01 --out orders/",
            "  openmws orders sync --out orders/ --seller A2986ZQ066CH2F",
            "  openmws orders sync --out orders/ --output json --quiet"})
final class OrdersSync implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SellerOptions sellerOptions;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Orders changed at or after DATE: an ISO date (UTC) or date-time. Default: where the last"
                    + " sync into DIR ended (required for a seller never synced there).")
    private String since;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder that gets one sub-folder per seller (created when missing).")
    private Path out;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "100",
            description = "Orders per ListOrders page (MaxResultsPerPage, 1 to 100; default: ${DEFAULT-VALUE}). The state"
                    + " is saved after each page, so smaller pages lose less to an interruption.")
    private int pageSize;

    /** What one seller's sync did. */
    private record Synced(long orders, Instant from, Instant resumeFrom, Path file) {
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Optional<Instant> from = Optional.ofNullable(since).map(s -> DateArgument.parse("--since", s));
        int parallel = sellerOptions.parallel();
        if (pageSize < 1 || pageSize > ListOrdersRequest.MAX_RESULTS_PER_PAGE) {
            throw CliFailure.usage("--page-size", "expected 1 to " + ListOrdersRequest.MAX_RESULTS_PER_PAGE + "; got "
                    + pageSize);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliFailure.usage("--out", "expected a folder; " + out + " is a file");
        }
        MwsClient client = cli.client();
        List<StoredSeller> sellers = sellerOptions.sellers(cli);
        Map<String, Instant> starts = new LinkedHashMap<>();
        for (StoredSeller s : sellers) {
            starts.put(s.sellerId(), from.orElseGet(() -> lastSync(s)));
        }

        List<SellerRun.Outcome<Synced>> outcomes;
        try (Progress progress = Progress.of(cli)) {
            Progress.Phase done = progress.items("Sellers", sellers.size());
            Progress.Phase written = progress.items("Orders", -1);
            outcomes = SellerRun.run(sellers, parallel, done,
                    s -> sync(client, s.access(), starts.get(s.sellerId()), written));
        }

        Table table = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("result", "RESULT"),
                Table.column("orders", "ORDERS"), Table.column("from", "FROM"),
                Table.column("resumeFrom", "NEXT FROM"), Table.column("file", "FILE"),
                Table.column("detail", "DETAIL"));
        for (SellerRun.Outcome<Synced> o : outcomes) {
            Optional<Synced> r = o.value();
            table.row(o.sellerId(), o.resultWord(), r.map(x -> Long.toString(x.orders())).orElse(""),
                    starts.get(o.sellerId()).toString(), r.map(x -> x.resumeFrom().toString()).orElse(""),
                    out.resolve(o.sellerId()).resolve("orders.jsonl").toString(), o.detail());
        }
        cli.output().print(table);
        SellerRun.printStackTraces(cli, outcomes);
        return SellerRun.exitCode(outcomes);
    }

    private Instant lastSync(StoredSeller seller) {
        Path dir = out.resolve(seller.sellerId());
        try {
            return new SyncState(dir).resumeFrom().orElseThrow(() -> CliFailure.usage("--since", "expected a date:"
                    + " seller " + seller.sellerId() + " was never synced into " + out + ", so there is nothing to"
                    + " continue from"));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw CliFailure.usage("--since", "expected a date: " + e.getMessage());
        }
    }

    /**
     * One seller: {@code ListOrders} by {@code LastUpdatedAfter} and its further pages, each order written with
     * its items as soon as they are read; the state is saved once a page is on disk, and at the end the
     * window's end the endpoint answered becomes the next start.
     */
    private Synced sync(MwsClient client, SellerAccess seller, Instant start, Progress.Phase written) throws IOException {
        Path dir = out.resolve(seller.sellerId().value());
        SyncState state = new SyncState(dir);
        Path file = dir.resolve("orders.jsonl");
        long count = 0;
        Instant highWater = start;
        OrdersPage first = client.orders().listOrdersPage(seller,
                ListOrdersRequest.builder().lastUpdatedAfter(start).maxResultsPerPage(pageSize).build());
        Instant end = first.lastUpdatedBefore().orElseThrow(() -> MwsException.builder()
                .kind(MwsException.Kind.UNEXPECTED_RESPONSE).httpStatus(200).requestId(first.requestId())
                .attempts(1).message("The ListOrders answer has no LastUpdatedBefore, so there is no point to"
                        + " continue from").build());
        // Created once the endpoint answered: a seller whose first call fails gets no folder and no file.
        OwnerOnly.createDirectories(dir);
        try (OrderLog log = OrderLog.append(file)) {
            OrdersPage page = first;
            try {
                while (true) {
                    for (Order order : page.orders()) {
                        // One order's items are few: they are read first, so a failure never leaves half a line.
                        List<OrderItem> items = client.orders().listOrderItems(seller, order.amazonOrderId()).toList();
                        log.write(order, items);
                        count++;
                        written.step();
                        if (order.lastUpdateDate().isAfter(highWater)) {
                            highWater = order.lastUpdateDate();
                        }
                    }
                    if (page.nextToken().isEmpty()) {
                        break;
                    }
                    log.flush();
                    state.save(highWater);
                    page = client.orders().listOrdersByNextToken(seller, page.nextToken().get());
                }
            } catch (RuntimeException | IOException e) {
                // Keep what is on disk: the orders are listed by LastUpdateDate, so the next run continues after
                // the last one written (orders of that same instant are listed again, never lost).
                log.flush();
                if (highWater.isAfter(start)) {
                    state.save(highWater);
                }
                throw e;
            }
            log.flush();
            state.save(end);
            return new Synced(count, start, end, file);
        }
    }
}
