package io.openmws.sdk;

import io.openmws.protocol.ApiSection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Any MWS operation, for {@link MwsClient#call}: like MWS Scratchpad, a section, an action and the operation's
 * own parameters, sent as they are; the client adds the common ones and signs.
 *
 * <pre>{@code
 * RawRequest request = RawRequest.builder(ApiSection.ORDERS, "ListOrders")
 *         .seller(seller)                                   // adds SellerId and MWSAuthToken
 *         .parameter("MarketplaceId.Id.1", "ATVPDKIKX0DER")
 *         .parameter("CreatedAfter", "2026-11-01T00:00:00Z")
 *         .build();
 * }</pre>
 *
 * <p>The client adds {@code AWSAccessKeyId}, {@code Action}, {@code Version}, {@code Timestamp},
 * {@code SignatureMethod}, {@code SignatureVersion} and {@code Signature}, and with a seller {@code SellerId}
 * and {@code MWSAuthToken}: none of them may be among the parameters (in any case), nor, with a seller,
 * {@code Merchant}, which is another name for {@code SellerId}. Without a seller they may be given by hand.
 *
 * @param section where the operation lives, e.g. {@link ApiSection#SELLERS}
 * @param action the operation, e.g. {@code ListMarketplaceParticipations}; sent as given
 * @param seller the seller the call is for, or empty for calls without one ({@code GetServiceStatus})
 * @param parameters the operation's own parameters, decoded, in the order given
 */
public record RawRequest(ApiSection section, String action, Optional<SellerAccess> seller,
                         Map<String, String> parameters) {

    /** What the client always adds. */
    private static final List<String> ADDED = List.of("AWSAccessKeyId", "Action", "Version", "Timestamp",
            "Signature", "SignatureMethod", "SignatureVersion");
    /** What the client adds from a seller. */
    private static final List<String> FROM_SELLER = List.of("SellerId", "Merchant", "MWSAuthToken");

    /**
     * Checks the request and copies the parameters, keeping their order.
     *
     * @throws IllegalArgumentException naming what is wrong: a blank action, a blank parameter name, a parameter
     *     without a value, or a parameter the client adds
     */
    public RawRequest {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(parameters, "parameters");
        if (action.isBlank()) {
            throw new IllegalArgumentException("The action is blank: give the operation's name, e.g."
                    + " ListMarketplaceParticipations");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = e.getKey();
            check(name, e.getValue(), seller.isPresent());
            copy.put(name, e.getValue());
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    private static void check(String name, String value, boolean withSeller) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A parameter has a blank name: give Name=Value, e.g."
                    + " MarketplaceId.Id.1=ATVPDKIKX0DER");
        }
        if (value == null) {
            throw new IllegalArgumentException("The parameter " + name + " has no value: give " + name
                    + "=Value (an empty value is allowed)");
        }
        for (String added : ADDED) {
            if (added.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("The parameter " + name + " is one the client adds (" + added
                        + "); leave it out");
            }
        }
        if (withSeller) {
            for (String added : FROM_SELLER) {
                if (added.equalsIgnoreCase(name)) {
                    throw new IllegalArgumentException("The parameter " + name + " comes from the seller the call is"
                            + " for (" + added + "); leave it out, or call without a seller");
                }
            }
        }
    }

    /**
     * A request without a seller or parameters, e.g. {@code GetServiceStatus}.
     *
     * @param section the section
     * @param action the operation
     * @return the request
     */
    public static RawRequest of(ApiSection section, String action) {
        return new RawRequest(section, action, Optional.empty(), Map.of());
    }

    /**
     * A builder.
     *
     * @param section the section
     * @param action the operation
     * @return the builder
     */
    public static Builder builder(ApiSection section, String action) {
        return new Builder(section, action);
    }

    /** {@code RawRequest[sellers/2011-07-01 ListOrders for A2986ZQ066CH2F, parameters [MarketplaceId.Id.1]]}: names, no values. */
    @Override
    public String toString() {
        return "RawRequest[" + section + " " + action + seller.map(s -> " for " + s.sellerId()).orElse("")
                + ", parameters " + parameters.keySet() + "]";
    }

    /** Collects a {@link RawRequest}; not thread-safe. */
    public static final class Builder {
        private final ApiSection section;
        private final String action;
        private SellerAccess seller;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(ApiSection section, String action) {
            this.section = Objects.requireNonNull(section, "section");
            this.action = Objects.requireNonNull(action, "action");
        }

        /** The seller the call is for: its {@code SellerId} and {@code MWSAuthToken} are added. */
        public Builder seller(SellerAccess seller) {
            this.seller = Objects.requireNonNull(seller, "seller");
            return this;
        }

        /**
         * Adds a parameter.
         *
         * @param name its name, e.g. {@code MarketplaceId.Id.1}
         * @param value its decoded value; may be empty
         * @return this builder
         * @throws IllegalArgumentException when the name is given twice
         */
        public Builder parameter(String name, String value) {
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("The parameter " + name + " is given twice; give it once");
            }
            parameters.put(name, value);
            return this;
        }

        /** Adds parameters, in the map's order; see {@link #parameter}. */
        public Builder parameters(Map<String, String> parameters) {
            parameters.forEach(this::parameter);
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException as {@link RawRequest#RawRequest} says
         */
        public RawRequest build() {
            return new RawRequest(section, action, Optional.ofNullable(seller), parameters);
        }
    }
}
