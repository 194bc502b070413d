package io.openmws.cli.sellers;

import io.openmws.cli.Cli;
import io.openmws.cli.ExitCode;
import io.openmws.cli.config.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code openmws sellers show SELLER_ID}: one stored seller, token masked, with why its status is what it is. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show one stored seller: marketplaces, authorization dates, the MWS Auth Token masked, the"
                + " status and its reason (the refused call, for ACCESS DENIED)."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws sellers show A2986ZQ066CH2F",
            "  openmws sellers show A2986ZQ066CH2F --output json"})
public final class SellersShow implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SELLER_ID", description = "The Seller ID, as 'sellers list' shows it.")
    private String sellerId;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        profile.requireSettings();
        cli.output().printRecord(SellerRecords.record(SellerRecords.require(profile, sellerId.strip())));
        return ExitCode.OK;
    }
}
