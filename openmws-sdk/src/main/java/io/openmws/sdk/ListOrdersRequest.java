package io.openmws.sdk;

import io.openmws.protocol.ids.MarketplaceId;
import io.openmws.protocol.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parameters of {@code ListOrders} (spec §4.1), checked against MWS's rules before anything is sent, so
 * that a mistake is an {@link IllegalArgumentException} naming it rather than a round trip to an
 * {@code InvalidParameterValue}:
 * <ul>
 *   <li>exactly one of {@code createdAfter} and {@code lastUpdatedAfter}, each "before" only with its own
 *       "after" and later than it;</li>
 *   <li>{@code Unshipped} and {@code PartiallyShipped} asked for together or not at all;</li>
 *   <li>{@code buyerEmail} and {@code sellerOrderId} each alone: not with each other, nor with statuses,
 *       fulfillment channels, payment methods or an update-date window;</li>
 *   <li>up to 50 marketplaces, 1 to 100 orders a page.</li>
 * </ul>
 * The rule that every date is at least two minutes old is the endpoint's (it is measured on its clock).
 *
 * <pre>{@code
 * ListOrdersRequest.builder().createdAfter(Instant.parse("2026-11-01T00:00:00Z"))
 *         .statuses(OrderStatus.UNSHIPPED, OrderStatus.PARTIALLY_SHIPPED).fulfillmentChannels(FulfillmentChannel.MFN)
 *         .maxResultsPerPage(50).build();
 * }</pre>
 *
 * <p>Without marketplaces the request asks for the seller's ({@link SellerAccess#marketplaceIds()}). Immutable.
 */
public final class ListOrdersRequest {

    /** The most marketplaces one request may name. */
    public static final int MAX_MARKETPLACES = 50;
    /** The largest page MWS serves. */
    public static final int MAX_RESULTS_PER_PAGE = 100;

    private final List<String> marketplaceIds;
    private final Instant createdAfter;
    private final Instant createdBefore;
    private final Instant lastUpdatedAfter;
    private final Instant lastUpdatedBefore;
    private final List<OrderStatus> statuses;
    private final List<FulfillmentChannel> fulfillmentChannels;
    private final List<PaymentMethod> paymentMethods;
    private final String buyerEmail;
    private final String sellerOrderId;
    private final Integer maxResultsPerPage;

    private ListOrdersRequest(Builder b) {
        this.marketplaceIds = List.copyOf(b.marketplaceIds);
        this.createdAfter = b.createdAfter;
        this.createdBefore = b.createdBefore;
        this.lastUpdatedAfter = b.lastUpdatedAfter;
        this.lastUpdatedBefore = b.lastUpdatedBefore;
        this.statuses = List.copyOf(b.statuses);
        this.fulfillmentChannels = List.copyOf(b.fulfillmentChannels);
        this.paymentMethods = List.copyOf(b.paymentMethods);
        this.buyerEmail = b.buyerEmail;
        this.sellerOrderId = b.sellerOrderId;
        this.maxResultsPerPage = b.maxResultsPerPage;
    }

    /** A builder of an empty request; set {@code createdAfter} or {@code lastUpdatedAfter}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The orders created at or after {@code after}, in the seller's marketplaces. */
    public static ListOrdersRequest createdAfter(Instant after) {
        return builder().createdAfter(after).build();
    }

    /** The orders changed at or after {@code after}, in the seller's marketplaces. */
    public static ListOrdersRequest lastUpdatedAfter(Instant after) {
        return builder().lastUpdatedAfter(after).build();
    }

    /** The marketplaces; empty for the seller's. */
    public List<String> marketplaceIds() {
        return marketplaceIds;
    }

    /** Orders created at or after this. */
    public Optional<Instant> createdAfter() {
        return Optional.ofNullable(createdAfter);
    }

    /** Orders created before this; the endpoint's now minus two minutes when empty. */
    public Optional<Instant> createdBefore() {
        return Optional.ofNullable(createdBefore);
    }

    /** Orders changed at or after this. */
    public Optional<Instant> lastUpdatedAfter() {
        return Optional.ofNullable(lastUpdatedAfter);
    }

    /** Orders changed before this; the endpoint's now minus two minutes when empty. */
    public Optional<Instant> lastUpdatedBefore() {
        return Optional.ofNullable(lastUpdatedBefore);
    }

    /** The statuses; empty for all. */
    public List<OrderStatus> statuses() {
        return statuses;
    }

    /** The fulfillment channels; empty for both. */
    public List<FulfillmentChannel> fulfillmentChannels() {
        return fulfillmentChannels;
    }

    /** The payment methods; empty for all. */
    public List<PaymentMethod> paymentMethods() {
        return paymentMethods;
    }

    /** The buyer's email address. */
    public Optional<String> buyerEmail() {
        return Optional.ofNullable(buyerEmail);
    }

    /** The seller's order id. */
    public Optional<String> sellerOrderId() {
        return Optional.ofNullable(sellerOrderId);
    }

    /** Orders per page, 1 to 100; empty for the endpoint's default (100). */
    public OptionalInt maxResultsPerPage() {
        return maxResultsPerPage == null ? OptionalInt.empty() : OptionalInt.of(maxResultsPerPage);
    }

    /** The request parameters, with the seller's marketplaces when the request names none. */
    Map<String, String> parameters(SellerAccess seller) {
        Map<String, String> p = new LinkedHashMap<>();
        List<String> marketplaces = marketplaceIds.isEmpty()
                ? seller.marketplaceIds().stream().map(MarketplaceId::value).toList() : marketplaceIds;
        list(p, "MarketplaceId.Id.", marketplaces);
        date(p, "CreatedAfter", createdAfter);
        date(p, "CreatedBefore", createdBefore);
        date(p, "LastUpdatedAfter", lastUpdatedAfter);
        date(p, "LastUpdatedBefore", lastUpdatedBefore);
        list(p, "OrderStatus.Status.", statuses.stream().map(OrderStatus::wireValue).toList());
        list(p, "FulfillmentChannel.Channel.", fulfillmentChannels.stream().map(FulfillmentChannel::name).toList());
        list(p, "PaymentMethod.Method.", paymentMethods.stream().map(PaymentMethod::wireValue).toList());
        if (buyerEmail != null) {
            p.put("BuyerEmail", buyerEmail);
        }
        if (sellerOrderId != null) {
            p.put("SellerOrderId", sellerOrderId);
        }
        if (maxResultsPerPage != null) {
            p.put("MaxResultsPerPage", Integer.toString(maxResultsPerPage));
        }
        return p;
    }

    static void list(Map<String, String> p, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.put(prefix + (i + 1), values.get(i));
        }
    }

    static void date(Map<String, String> p, String name, Instant value) {
        if (value != null) {
            p.put(name, Timestamps.format(value));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListOrdersRequest r && marketplaceIds.equals(r.marketplaceIds)
                && Objects.equals(createdAfter, r.createdAfter) && Objects.equals(createdBefore, r.createdBefore)
                && Objects.equals(lastUpdatedAfter, r.lastUpdatedAfter)
                && Objects.equals(lastUpdatedBefore, r.lastUpdatedBefore) && statuses.equals(r.statuses)
                && fulfillmentChannels.equals(r.fulfillmentChannels) && paymentMethods.equals(r.paymentMethods)
                && Objects.equals(buyerEmail, r.buyerEmail) && Objects.equals(sellerOrderId, r.sellerOrderId)
                && Objects.equals(maxResultsPerPage, r.maxResultsPerPage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(marketplaceIds, createdAfter, createdBefore, lastUpdatedAfter, lastUpdatedBefore, statuses,
                fulfillmentChannels, paymentMethods, buyerEmail, sellerOrderId, maxResultsPerPage);
    }

    /** Names every part that is set; the buyer's email is shown as set, not spelled out. */
    @Override
    public String toString() {
        return "ListOrdersRequest[marketplaceIds=" + marketplaceIds
                + (createdAfter != null ? ", createdAfter=" + createdAfter : "")
                + (createdBefore != null ? ", createdBefore=" + createdBefore : "")
                + (lastUpdatedAfter != null ? ", lastUpdatedAfter=" + lastUpdatedAfter : "")
                + (lastUpdatedBefore != null ? ", lastUpdatedBefore=" + lastUpdatedBefore : "")
                + (statuses.isEmpty() ? "" : ", statuses=" + statuses)
                + (fulfillmentChannels.isEmpty() ? "" : ", fulfillmentChannels=" + fulfillmentChannels)
                + (paymentMethods.isEmpty() ? "" : ", paymentMethods=" + paymentMethods)
                + (buyerEmail != null ? ", buyerEmail=(set)" : "")
                + (sellerOrderId != null ? ", sellerOrderId=" + sellerOrderId : "")
                + (maxResultsPerPage != null ? ", maxResultsPerPage=" + maxResultsPerPage : "") + "]";
    }

    /** Collects the parameters; each method replaces what it sets. Not thread-safe. */
    public static final class Builder {
        private List<String> marketplaceIds = List.of();
        private Instant createdAfter;
        private Instant createdBefore;
        private Instant lastUpdatedAfter;
        private Instant lastUpdatedBefore;
        private List<OrderStatus> statuses = List.of();
        private List<FulfillmentChannel> fulfillmentChannels = List.of();
        private List<PaymentMethod> paymentMethods = List.of();
        private String buyerEmail;
        private String sellerOrderId;
        private Integer maxResultsPerPage;

        private Builder() {
        }

        /** The marketplaces ({@code MarketplaceId.Id.N}), 1 to 50; by default the seller's. */
        public Builder marketplaceIds(String... marketplaceIds) {
            return marketplaceIds(List.of(marketplaceIds));
        }

        /** The marketplaces ({@code MarketplaceId.Id.N}), 1 to 50; by default the seller's. */
        public Builder marketplaceIds(Collection<String> marketplaceIds) {
            if (marketplaceIds.size() > MAX_MARKETPLACES) {
                throw new IllegalArgumentException("ListOrders takes at most " + MAX_MARKETPLACES + " marketplaces; got "
                        + marketplaceIds.size());
            }
            List<String> checked = new ArrayList<>();
            for (String id : marketplaceIds) {
                checked.add(MarketplaceId.of(id).value());
            }
            this.marketplaceIds = checked;
            return this;
        }

        /** Orders created at or after this ({@code CreatedAfter}). */
        public Builder createdAfter(Instant after) {
            this.createdAfter = Objects.requireNonNull(after, "after");
            return this;
        }

        /** Orders created before this ({@code CreatedBefore}); only with {@link #createdAfter}. */
        public Builder createdBefore(Instant before) {
            this.createdBefore = Objects.requireNonNull(before, "before");
            return this;
        }

        /** Orders changed at or after this ({@code LastUpdatedAfter}). */
        public Builder lastUpdatedAfter(Instant after) {
            this.lastUpdatedAfter = Objects.requireNonNull(after, "after");
            return this;
        }

        /** Orders changed before this ({@code LastUpdatedBefore}); only with {@link #lastUpdatedAfter}. */
        public Builder lastUpdatedBefore(Instant before) {
            this.lastUpdatedBefore = Objects.requireNonNull(before, "before");
            return this;
        }

        /** The statuses ({@code OrderStatus.Status.N}). */
        public Builder statuses(OrderStatus... statuses) {
            return statuses(List.of(statuses));
        }

        /** The statuses ({@code OrderStatus.Status.N}). */
        public Builder statuses(Collection<OrderStatus> statuses) {
            this.statuses = List.copyOf(EnumSet.copyOf(requireSome(statuses, "statuses")));
            return this;
        }

        /** The fulfillment channels ({@code FulfillmentChannel.Channel.N}). */
        public Builder fulfillmentChannels(FulfillmentChannel... channels) {
            return fulfillmentChannels(List.of(channels));
        }

        /** The fulfillment channels ({@code FulfillmentChannel.Channel.N}). */
        public Builder fulfillmentChannels(Collection<FulfillmentChannel> channels) {
            this.fulfillmentChannels = List.copyOf(EnumSet.copyOf(requireSome(channels, "fulfillmentChannels")));
            return this;
        }

        /** The payment methods ({@code PaymentMethod.Method.N}). */
        public Builder paymentMethods(PaymentMethod... methods) {
            return paymentMethods(List.of(methods));
        }

        /** The payment methods ({@code PaymentMethod.Method.N}). */
        public Builder paymentMethods(Collection<PaymentMethod> methods) {
            this.paymentMethods = List.copyOf(EnumSet.copyOf(requireSome(methods, "paymentMethods")));
            return this;
        }

        /** The orders of one buyer ({@code BuyerEmail}); alone with the dates of creation. */
        public Builder buyerEmail(String email) {
            this.buyerEmail = requireText(email, "buyerEmail");
            return this;
        }

        /** The orders with the seller's own id ({@code SellerOrderId}); alone with the dates of creation. */
        public Builder sellerOrderId(String id) {
            this.sellerOrderId = requireText(id, "sellerOrderId");
            return this;
        }

        /**
         * Orders per page ({@code MaxResultsPerPage}).
         *
         * @param max 1 to 100
         * @return this builder
         */
        public Builder maxResultsPerPage(int max) {
            if (max < 1 || max > MAX_RESULTS_PER_PAGE) {
                throw new IllegalArgumentException("maxResultsPerPage is 1 to " + MAX_RESULTS_PER_PAGE + "; got " + max);
            }
            this.maxResultsPerPage = max;
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException when the parameters break a rule of {@code ListOrders}
         */
        public ListOrdersRequest build() {
            if ((createdAfter == null) == (lastUpdatedAfter == null)) {
                throw new IllegalArgumentException(createdAfter == null
                        ? "Set createdAfter or lastUpdatedAfter: ListOrders needs exactly one of them"
                        : "Set createdAfter or lastUpdatedAfter, not both: ListOrders takes exactly one of them");
            }
            if (createdBefore != null && createdAfter == null) {
                throw new IllegalArgumentException("createdBefore goes with createdAfter; with lastUpdatedAfter use"
                        + " lastUpdatedBefore");
            }
            if (lastUpdatedBefore != null && lastUpdatedAfter == null) {
                throw new IllegalArgumentException("lastUpdatedBefore goes with lastUpdatedAfter; with createdAfter use"
                        + " createdBefore");
            }
            if (createdBefore != null && !createdBefore.isAfter(createdAfter)) {
                throw new IllegalArgumentException("createdBefore " + createdBefore + " is not after createdAfter "
                        + createdAfter);
            }
            if (lastUpdatedBefore != null && !lastUpdatedBefore.isAfter(lastUpdatedAfter)) {
                throw new IllegalArgumentException("lastUpdatedBefore " + lastUpdatedBefore
                        + " is not after lastUpdatedAfter " + lastUpdatedAfter);
            }
            if (statuses.contains(OrderStatus.UNSHIPPED) != statuses.contains(OrderStatus.PARTIALLY_SHIPPED)) {
                throw new IllegalArgumentException("Ask for UNSHIPPED and PARTIALLY_SHIPPED together: MWS refuses one"
                        + " without the other");
            }
            alone(buyerEmail, "buyerEmail", sellerOrderId != null ? "sellerOrderId" : null);
            alone(sellerOrderId, "sellerOrderId", buyerEmail != null ? "buyerEmail" : null);
            return new ListOrdersRequest(this);
        }

        private void alone(String value, String name, String other) {
            if (value == null) {
                return;
            }
            String conflict = other != null ? other
                    : !statuses.isEmpty() ? "statuses"
                    : !fulfillmentChannels.isEmpty() ? "fulfillmentChannels"
                    : !paymentMethods.isEmpty() ? "paymentMethods"
                    : lastUpdatedAfter != null ? "lastUpdatedAfter" : null;
            if (conflict != null) {
                throw new IllegalArgumentException(name + " cannot be combined with " + conflict
                        + ": MWS takes it only with createdAfter/createdBefore, marketplaces and maxResultsPerPage");
            }
        }

        private static <T> Collection<T> requireSome(Collection<T> values, String name) {
            Objects.requireNonNull(values, name);
            if (values.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty; leave it out to ask for all");
            }
            for (T v : values) {
                Objects.requireNonNull(v, name + " holds null");
            }
            return values;
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value;
        }
    }
}
