package io.openmws.cli.sellers;

import io.openmws.cli.Cli;
import io.openmws.cli.ExitCode;
import io.openmws.cli.Table;
import io.openmws.cli.config.Profile;
import io.openmws.sdk.store.StoredSeller;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code openmws sellers list}: every stored seller with its authorization's dates and a flag for what needs
 * doing. Reads the store only; {@code sellers check} is the live call.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the stored sellers: marketplaces, the day each authorized you, the day it expires and the"
                + " days left. STATUS is RENEW SOON under 30 days left, EXPIRED, ACCESS DENIED when a call for the"
                + " seller was refused (see 'sellers show' for why), else OK. No call is made."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws sellers list",
            "  openmws sellers list --output json",
            "  openmws sellers list --output csv > sellers.csv"})
public final class SellersList implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        profile.requireSettings();
        List<StoredSeller> sellers = profile.store().list();
        Table table = Table.of(Table.column("sellerId", "SELLER ID"), Table.column("name", "NAME"),
                Table.column("marketplaces", "MARKETPLACES"), Table.column("authorizedOn", "AUTHORIZED ON"),
                Table.column("expiresOn", "EXPIRES ON"), Table.column("daysLeft", "DAYS LEFT"),
                Table.column("status", "STATUS"));
        for (StoredSeller s : sellers) {
            table.row(s.sellerId(), s.name(), SellerRecords.marketplaces(s), s.authorizedOn().toString(),
                    s.expiresOn().toString(), Long.toString(Math.max(0, SellerRecords.daysLeft(s))), SellerRecords.flag(s));
        }
        cli.output().print(table);
        if (sellers.isEmpty()) {
            cli.output().info("No sellers in profile " + profile.name() + " yet; add one with 'openmws sellers add"
                    + " --seller-id ID --marketplace ID' (the MWS Auth Token is asked, or read from MWS_AUTH_TOKEN)");
        }
        return ExitCode.OK;
    }
}
