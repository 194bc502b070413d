package io.openmws.cli.bulk;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.sdk.store.StoredSeller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The options every bulk verb has: which stored sellers ({@code --seller}, repeatable; all when none) and how
 * many of them are worked on at once ({@code --parallel}). A picocli mixin.
 */
public final class SellerOptions {

    /** The most sellers worked on at once: more only queue behind each other's quotas and the endpoint's. */
    static final int MAX_PARALLEL = 32;

    @Option(names = "--seller", paramLabel = "SELLER_ID",
            description = "Only this stored seller (repeat for more); default: every stored seller.")
    private List<String> sellerIds = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "How many sellers are worked on at once (1 to " + MAX_PARALLEL + "; default: ${DEFAULT-VALUE})."
                    + " Each seller's calls are paced within its own quotas.")
    private int parallel;

    /**
     * How many sellers at once.
     *
     * @throws CliFailure (usage) when not 1 to {@value #MAX_PARALLEL}
     */
    public int parallel() {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw CliFailure.usage("--parallel", "expected 1 to " + MAX_PARALLEL + "; got " + parallel);
        }
        return parallel;
    }

    /**
     * The sellers to work for, from the profile's store, by Seller ID. A seller marked as needing
     * re-authorization is included: its calls say whether it still does.
     *
     * @throws CliFailure (usage) when a {@code --seller} is not stored, or no seller is
     */
    public List<StoredSeller> sellers(Cli cli) {
        List<StoredSeller> stored = cli.profile().store().list();
        if (sellerIds.isEmpty()) {
            if (stored.isEmpty()) {
                throw CliFailure.usage("No seller is stored in profile '" + cli.profile().name() + "'; add one with"
                        + " 'openmws sellers add' first");
            }
            return stored;
        }
        Map<String, StoredSeller> byId = stored.stream().collect(Collectors.toMap(StoredSeller::sellerId,
                Function.identity()));
        List<StoredSeller> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(sellerIds)) {
            StoredSeller seller = byId.get(id.strip());
            if (seller == null) {
                throw CliFailure.usage("--seller", "expected the Seller ID of a stored seller; '" + id + "' is not"
                        + " stored in profile '" + cli.profile().name() + "' (see 'openmws sellers list')");
            }
            chosen.add(seller);
        }
        return chosen;
    }
}
