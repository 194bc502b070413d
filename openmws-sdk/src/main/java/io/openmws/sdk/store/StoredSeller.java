package io.openmws.sdk.store;

import io.openmws.sdk.SellerAccess;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A seller who authorized the developer, as the credential store keeps it: Seller ID, a name for people,
 * the MWS Auth Token, 1 to 5 marketplaces, the day of the authorization, the day it expires (12 months
 * later, as on the platform) and its status.
 *
 * <pre>{@code
 * store.add(StoredSeller.builder("A2986ZQ066CH2F").name("Acme Toys")
 *         .mwsAuthToken("amzn.mws.4ea38b7b-...").marketplaceIds(List.of("ATVPDKIKX0DER"))
 *         .authorizedOn(LocalDate.now()).build());
 * SellerAccess access = store.get("A2986ZQ066CH2F").orElseThrow().access();
 * }</pre>
 *
 * <p>Immutable. The rules of {@link SellerAccess} apply (1 to 5 valid marketplace ids, a well-formed
 * token or none for self-access). {@link #toString()} never shows the token.
 */
public final class StoredSeller {

    private final SellerAccess access;
    private final String name;
    private final LocalDate authorizedOn;
    private final SellerStatus status;
    private final String statusReason;

    private StoredSeller(Builder b) {
        this.access = SellerAccess.of(b.sellerId, b.mwsAuthToken, b.marketplaceIds);
        this.name = b.name == null || b.name.isBlank() ? b.sellerId : b.name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("A seller's name has at most 200 characters; got " + name.length());
        }
        this.authorizedOn = Objects.requireNonNull(b.authorizedOn,
                "authorizedOn: the day the seller authorized you (the token's 12 months start then)");
        this.status = b.status;
        String reason = b.statusReason == null || b.statusReason.isBlank() ? null : b.statusReason.strip();
        this.statusReason = reason != null && reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    /**
     * A builder for a seller.
     *
     * @param sellerId the Seller ID
     * @return a builder; marketplaces and the authorization day are required
     */
    public static Builder builder(String sellerId) {
        return new Builder(Objects.requireNonNull(sellerId, "sellerId"));
    }

    /** A builder holding this seller's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(sellerId());
        b.name = name;
        b.mwsAuthToken = access.mwsAuthToken().orElse(null);
        b.marketplaceIds = marketplaceIds();
        b.authorizedOn = authorizedOn;
        b.status = status == SellerStatus.EXPIRED ? SellerStatus.ACTIVE : status;
        b.statusReason = statusReason;
        return b;
    }

    /** The Seller ID. */
    public String sellerId() {
        return access.sellerId().value();
    }

    /** A name for people; the Seller ID when none was given. */
    public String name() {
        return name;
    }

    /** The marketplace ids, 1 to 5. */
    public List<String> marketplaceIds() {
        return access.marketplaceIds().stream().map(m -> m.value()).toList();
    }

    /** Whether a token is stored (false for self-access). */
    public boolean hasMwsAuthToken() {
        return access.mwsAuthToken().isPresent();
    }

    /** What the client needs to call for this seller, token included. */
    public SellerAccess access() {
        return access;
    }

    /** The day the seller authorized (or renewed). */
    public LocalDate authorizedOn() {
        return authorizedOn;
    }

    /** The day the authorization expires: {@link #authorizedOn()} plus 12 months. */
    public LocalDate expiresOn() {
        return authorizedOn.plusMonths(12);
    }

    /** The status. */
    public SellerStatus status() {
        return status;
    }

    /** Why the status was set, e.g. the failed call; empty when none was recorded. */
    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    /** Compares every field, the token in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredSeller s && access.equals(s.access) && name.equals(s.name)
                && authorizedOn.equals(s.authorizedOn) && status == s.status && Objects.equals(statusReason, s.statusReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(access, name, authorizedOn, status);
    }

    @Override
    public String toString() {
        return "StoredSeller[" + sellerId() + " '" + name + "', " + access.marketplaceIds() + ", "
                + (hasMwsAuthToken() ? "token redacted" : "self-access") + ", authorized " + authorizedOn + ", expires "
                + expiresOn() + ", " + status + "]";
    }

    /** Collects a {@link StoredSeller}. */
    public static final class Builder {
        private final String sellerId;
        private String name;
        private String mwsAuthToken;
        private Collection<String> marketplaceIds = List.of();
        private LocalDate authorizedOn;
        private SellerStatus status = SellerStatus.ACTIVE;
        private String statusReason;

        private Builder(String sellerId) {
            this.sellerId = sellerId;
        }

        /** A name for people (the seller's business name, say). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The MWS Auth Token; {@code null} for self-access. */
        public Builder mwsAuthToken(String mwsAuthToken) {
            this.mwsAuthToken = mwsAuthToken;
            return this;
        }

        /** The seller's marketplaces you work in: 1 to 5 ids. */
        public Builder marketplaceIds(Collection<String> marketplaceIds) {
            this.marketplaceIds = List.copyOf(marketplaceIds);
            return this;
        }

        /** The day the seller authorized (or renewed); the 12 months start then. */
        public Builder authorizedOn(LocalDate authorizedOn) {
            this.authorizedOn = authorizedOn;
            return this;
        }

        /** The status: {@link SellerStatus#ACTIVE} (the default) or {@link SellerStatus#NEEDS_REAUTHORIZATION}. */
        public Builder status(SellerStatus status) {
            if (status == SellerStatus.EXPIRED) {
                throw new IllegalArgumentException("EXPIRED follows from the expiry date and is not stored; set"
                        + " authorizedOn instead");
            }
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Why the status is what it is. */
        public Builder statusReason(String statusReason) {
            this.statusReason = statusReason;
            return this;
        }

        /**
         * The seller.
         *
         * @throws IllegalArgumentException when a value breaks a rule (the message says which and how to fix it)
         */
        public StoredSeller build() {
            return new StoredSeller(this);
        }

        StoredSeller buildWithStatus(SellerStatus effective) {
            SellerStatus stored = status;
            status = effective;
            try {
                return new StoredSeller(this);
            } finally {
                status = stored;
            }
        }
    }
}
