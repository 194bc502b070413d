package io.openmws.sdk.internal;

import io.openmws.protocol.ApiSection;
import io.openmws.sdk.SellerAccess;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation to call: where, which action, for which seller, with which operation parameters (the
 * common ones, signature included, are added by {@link CallExecutor}).
 *
 * @param section the API section
 * @param action the {@code Action}
 * @param seller the seller, or empty for calls without one
 * @param parameters the operation's own parameters, decoded
 */
public record MwsCall(ApiSection section, String action, Optional<SellerAccess> seller, Map<String, String> parameters) {

    /** Copies the parameters. */
    public MwsCall {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(seller, "seller");
        parameters = Map.copyOf(parameters);
    }

    /** A call for a seller. */
    public static MwsCall forSeller(ApiSection section, String action, SellerAccess seller, Map<String, String> parameters) {
        return new MwsCall(section, action, Optional.of(seller), parameters);
    }

    /** A call without a seller. */
    public static MwsCall withoutSeller(ApiSection section, String action) {
        return new MwsCall(section, action, Optional.empty(), Map.of());
    }

    /** Names parameter names only; values (a NextToken, say) are left out. */
    @Override
    public String toString() {
        return "MwsCall[" + section.sectionName() + "/" + action + seller.map(s -> " for " + s.sellerId()).orElse("")
                + ", parameters " + parameters.keySet() + "]";
    }
}
