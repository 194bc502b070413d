package io.openmws.cli.bulk;

import picocli.CommandLine.Command;

/** {@code openmws feeds}: the Feeds API for every stored seller. Its verb is {@code submit}. */
@Command(name = "feeds", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Feeds of the stored sellers.",
        subcommands = FeedsSubmit.class,
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws feeds submit --wait \\",
            "      --type _POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_ prices.txt"})
public final class FeedsCommand {
}
