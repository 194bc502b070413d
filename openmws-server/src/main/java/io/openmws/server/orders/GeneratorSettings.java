package io.openmws.server.orders;

import java.time.Instant;
import java.util.List;

/**
 * A seller's simulated buyers: {@code perHour} orders per hour of platform time (0: stopped).
 *
 * @param marketplaceId where they buy; null for the seller's home marketplace
 * @param skus          the SKUs they pick from; empty for any live listing
 * @param nextAt        when the next order is due; null while stopped
 */
public record GeneratorSettings(int perHour, String marketplaceId, List<String> skus, Instant nextAt) {

    public GeneratorSettings {
        skus = List.copyOf(skus);
    }
}
