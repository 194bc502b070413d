package io.openmws.cli.sellers;

import io.openmws.cli.Cli;
import io.openmws.cli.ExitCode;
import io.openmws.cli.Table;
import io.openmws.cli.config.Profile;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.store.StoredSeller;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openmws sellers check}: a live {@code ListMarketplaceParticipations} for every stored seller (or one),
 * which also updates the store: refused sellers are marked, those that work again are active again.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Try every stored seller's token (or one seller's) with a live ListMarketplaceParticipations,"
                + " " + AuthorizationCheck.CONCURRENCY + " sellers at a time. A seller the endpoint refuses is marked"
                + " ACCESS DENIED in 'sellers list'; one that works again is marked OK again."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every seller OK", "  1  every seller failed", "  3  some failed, some OK",
            "",
            "Examples:",
            "  openmws sellers check",
            "  openmws sellers check --seller A2986ZQ066CH2F",
            "  openmws sellers check --output json"})
public final class SellersCheck implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seller", paramLabel = "SELLER_ID", description = "Check this stored seller only.")
    private String sellerId;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        profile.requireSettings();
        List<StoredSeller> sellers = sellerId != null ? List.of(SellerRecords.require(profile, sellerId.strip()))
                : profile.store().list();
        MwsClient client = cli.client();
        List<AuthorizationCheck.Result> results = new AuthorizationCheck(client, profile.store()).run(sellers);

        Table table = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("result", "RESULT"),
                Table.column("marketplaces", "MARKETPLACES"), Table.column("detail", "DETAIL"));
        int ok = 0;
        for (AuthorizationCheck.Result r : results) {
            table.row(r.seller().sellerId(), r.outcome().label(), String.join(" ", r.liveMarketplaces()), r.detail());
            if (r.outcome() == AuthorizationCheck.Outcome.OK) {
                ok++;
            }
        }
        cli.output().print(table);
        if (results.isEmpty()) {
            cli.output().info("No sellers in profile " + profile.name() + " to check; add one with 'openmws sellers add'");
            return ExitCode.OK;
        }
        int failed = results.size() - ok;
        if (failed > 0) {
            cli.output().info(failed + " of " + results.size() + " sellers failed"
                    + (results.stream().anyMatch(r -> r.outcome() == AuthorizationCheck.Outcome.ACCESS_DENIED)
                    ? "; ask those ACCESS DENIED to authorize you again, then 'openmws sellers add --replace'" : ""));
        }
        return failed == 0 ? ExitCode.OK : ok == 0 ? ExitCode.FAILED : ExitCode.PARTIAL;
    }
}
