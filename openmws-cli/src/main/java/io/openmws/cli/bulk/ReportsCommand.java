package io.openmws.cli.bulk;

import picocli.CommandLine.Command;

/** {@code openmws reports}: the Reports API for every stored seller. Its verb is {@code get}. */
@Command(name = "reports", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Reports of the stored sellers.",
        subcommands = ReportsGet.class,
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws reports get --type _GET_MERCHANT_LISTINGS_DATA_ \\",
            "      --seller A2986ZQ066CH2F > listings.txt",
            "  openmws reports get --type _GET_FLAT_FILE_OPEN_LISTINGS_DATA_ --out reports/"})
public final class ReportsCommand {
}
