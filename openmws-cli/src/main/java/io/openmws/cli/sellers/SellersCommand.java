package io.openmws.cli.sellers;

import picocli.CommandLine.Command;

/**
 * {@code openmws sellers}: the sellers who authorized the developer, kept in the profile's encrypted store.
 * One class per verb: {@link SellersAdd}, {@link SellersList}, {@link SellersShow}, {@link SellersRemove},
 * {@link SellersCheck}.
 */
@Command(name = "sellers", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"The sellers who authorized you: their Seller ID, MWS Auth Token (encrypted) and the 1 to 5"
                + " marketplaces you work in for them, with the day of the authorization, which lasts 12 months."},
        subcommands = {SellersAdd.class, SellersList.class, SellersShow.class, SellersRemove.class, SellersCheck.class},
        footerHeading = "%nExamples:%n",
        footer = {"  MWS_AUTH_TOKEN=amzn.mws.... openmws sellers add --seller-id A2986ZQ066CH2F --marketplace ATVPDKIKX0DER",
            "  openmws sellers list",
            "  openmws sellers show A2986ZQ066CH2F",
            "  openmws sellers check",
            "  openmws sellers remove A2986ZQ066CH2F"})
public final class SellersCommand {
}
