package io.openmws.cli.bulk;

import picocli.CommandLine.Command;

/** {@code openmws orders}: the Orders API for every stored seller. Its verb is {@code sync}. */
@Command(name = "orders", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Orders of the stored sellers.",
        subcommands = OrdersSync.class,
        footerHeading = "%n",
        footer = {"Examples:",
            "  openmws orders sync --since 2026-01-01 --out orders/",
            "  openmws orders sync --out orders/     # continue where the last one ended"})
public final class OrdersCommand {
}
