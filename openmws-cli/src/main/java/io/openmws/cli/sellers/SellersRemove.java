package io.openmws.cli.sellers;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.cli.config.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openmws sellers remove SELLER_ID}: forgets a seller and its token. It does not revoke the authorization
 * on the platform; only the seller can.
 */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Forget a stored seller and its MWS Auth Token. The seller's authorization of you stays as it"
                + " is on the platform (only the seller can revoke it)."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws sellers remove A2986ZQ066CH2F",
            "  openmws sellers remove A2986ZQ066CH2F --profile eu"})
public final class SellersRemove implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SELLER_ID", description = "The Seller ID, as 'sellers list' shows it.")
    private String sellerId;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        profile.requireSettings();
        String id = sellerId.strip();
        if (!profile.store().remove(id)) {
            throw CliFailure.failed("no seller " + id + " in profile " + profile.name() + " (see 'openmws sellers list')");
        }
        cli.output().info("Removed seller " + id + " from profile " + profile.name());
        return ExitCode.OK;
    }
}
