package io.openmws.server.catalog;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.accounts.StagingModeChanged;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sellers' listings and the products they offer. Changes come in batches (a feed's messages);
 * each listing's status follows {@link ListingStatus#of}, with the account's staging mode read under
 * a lock so a batch and a staging switch never interleave.
 */
@Service
public class Catalog {

    /** How many staged listings one statement makes live, or one purge statement deletes. */
    static final int CHUNK = 1000;
    private static final String ASIN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String DEFAULT_CURRENCY = "DEFAULT";

    private final CatalogRepository repository;
    private final OfferBulkUpdate bulk;
    private final SellerAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Catalog(CatalogRepository repository, OfferBulkUpdate bulk, SellerAccounts accounts, Clock clock) {
        this.repository = repository;
        this.bulk = bulk;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The seller's listing of a SKU in a marketplace. */
    public Optional<Listing> listing(long accountId, String marketplaceId, String sku) {
        return repository.listing(accountId, marketplaceId, sku).map(Listing::of);
    }

    /**
     * A buyer takes {@code quantity} units of a live listing: one conditional UPDATE decrements the
     * stock only while the listing is {@link ListingStatus#ACTIVE} and holds enough, so two buyers can
     * never take the last unit twice (the second waits for the first's row lock, then finds too little).
     * Selling the last unit makes the listing {@link ListingStatus#INACTIVE} by {@link ListingStatus#of}.
     * Runs in the caller's transaction, which holds the row until it commits.
     *
     * @return the listing as it is after the sale (its price, title and latency are what the buyer
     *     bought at), or empty when it cannot be bought: unknown, staged, incomplete, inactive, or
     *     fewer units than asked
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Listing> take(long accountId, String marketplaceId, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        if (repository.take(accountId, marketplaceId, sku, quantity, clock.instant()) == 0) {
            return Optional.empty();
        }
        return listing(accountId, marketplaceId, sku);
    }

    /**
     * Gives {@code quantity} units back to a listing (a canceled order's stock). A sold-out listing
     * becomes {@link ListingStatus#ACTIVE} again by {@link ListingStatus#of}; a staged one stays staged.
     * Nothing happens when the seller deleted the listing meanwhile.
     *
     * @return whether the listing exists
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean restock(long accountId, String marketplaceId, String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        return repository.restock(accountId, marketplaceId, sku, quantity, clock.instant()) > 0;
    }

    /**
     * Up to {@code limit} SKUs of the seller's live listings in the marketplace, from a random place in
     * their order: what a simulated buyer picks from.
     */
    public List<String> liveSkus(long accountId, String marketplaceId, int limit) {
        long live = repository.countLive(accountId, marketplaceId);
        if (live == 0) {
            return List.of();
        }
        return repository.liveSkus(accountId, marketplaceId, random.nextLong(live), limit);
    }

    /**
     * Applies a batch of changes, in order, to the seller's listings in every one of
     * {@code marketplaceIds}, within the caller's transaction. A change is applied whole or not at all:
     * the rejected ones are returned, in order. Changed listings get {@code lastFeedRef}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another seller created the same new
     *         product at the same moment; the caller rolls back and applies the batch again
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Rejection> apply(long accountId, List<String> marketplaceIds, Long feedRef, List<ListingChange> changes) {
        boolean staging = accounts.stagingForUpdate(accountId);
        Instant now = clock.instant();
        if (offersOnly(changes) && bulk.supported()) {
            return applyOffers(accountId, marketplaceIds, feedRef, staging, now, changes);
        }
        Set<String> skus = new LinkedHashSet<>();
        for (ListingChange c : changes) {
            skus.add(c.sku());
        }
        Batch batch = new Batch(accountId, marketplaceIds, feedRef, staging, now,
                repository.listings(accountId, marketplaceIds, skus), products(changes));
        List<Rejection> rejections = new ArrayList<>();
        for (ListingChange c : changes) {
            Rejection r = batch.apply(c);
            if (r != null) {
                rejections.add(r);
            }
        }
        repository.write(accountId, batch.rows.values());
        return rejections;
    }

    /** Whether every change only patches the offer data of an existing listing. */
    private static boolean offersOnly(List<ListingChange> changes) {
        for (ListingChange c : changes) {
            if (c.kind() != ListingChange.Kind.PATCH_OFFER || !ListingChange.Product.NONE.equals(c.product())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #apply} of offer patches in one statement: the same rejections, in the same order, and
     * the same rows as the sequential path (a SKU's messages fold in order, later values winning).
     */
    private List<Rejection> applyOffers(long accountId, List<String> marketplaceIds, Long feedRef, boolean staging,
                                        Instant now, List<ListingChange> changes) {
        Rejection[] currency = new Rejection[changes.size()];
        Map<String, OfferBulkUpdate.Folded> folded = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            ListingChange c = changes.get(i);
            currency[i] = checkCurrency(marketplaceIds, c);
            if (currency[i] == null) {
                folded.computeIfAbsent(c.sku(), OfferBulkUpdate.Folded::new).add(c.offer());
            }
        }
        Set<String> matched = bulk.apply(accountId, marketplaceIds, feedRef, staging, now, folded.values());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (currency[i] != null) {
                rejections.add(currency[i]);
            } else if (!matched.contains(changes.get(i).sku())) {
                rejections.add(unknownSku(changes.get(i)));
            }
        }
        return rejections;
    }

    private static Rejection checkCurrency(List<String> marketplaceIds, ListingChange c) {
        String currency = c.offer().currency();
        if (currency == null || DEFAULT_CURRENCY.equals(currency)
                || (c.offer().price() == null && c.offer().salePrice() == null)) {
            return null;
        }
        for (String m : marketplaceIds) {
            String own = Marketplaces.byId(m).map(Marketplace::currencyCode).orElse(null);
            if (!currency.equals(own)) {
                return new Rejection(c.messageId(), c.sku(), Rejection.INVALID_VALUE, "The currency " + currency
                        + " is not the currency of marketplace " + m + " (" + own + "); use " + own
                        + " or DEFAULT.");
            }
        }
        return null;
    }

    private static Rejection unknownSku(ListingChange c) {
        return new Rejection(c.messageId(), c.sku(), Rejection.UNKNOWN_SKU, "SKU " + c.sku()
                + " does not exist in this feed's marketplaces: add it with a product feed or an inventory"
                + " loader file first.");
    }

    /**
     * Deletes up to {@link #CHUNK} of the seller's listings in these marketplaces that feed {@code feedRef}
     * did not change (PurgeAndReplace); returns how many, 0 when none is left.
     */
    @Transactional
    public int purgeNotChangedBy(long accountId, Collection<String> marketplaceIds, long feedRef) {
        return repository.deleteNotChangedBy(accountId, marketplaceIds, feedRef, CHUNK);
    }

    /** Staging off: every staged listing of the account gets its live status, in the switch's transaction. */
    @EventListener
    void stagingModeChanged(StagingModeChanged event) {
        if (event.staging()) {
            return;
        }
        Instant now = clock.instant();
        while (repository.makeStagedLive(event.accountId(), now, CHUNK) == CHUNK) {
            // next chunk
        }
    }

    static List<String> bullets(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    /** The catalog products the batch's product ids name, by "type\0id" and by ASIN. */
    private Map<String, CatalogRepository.Product> products(List<ListingChange> changes) {
        Map<String, Set<String>> idsByType = new HashMap<>();
        for (ListingChange c : changes) {
            ListingChange.Product p = c.product();
            if (p.productIdType() != null && p.productId() != null) {
                idsByType.computeIfAbsent(p.productIdType(), t -> new LinkedHashSet<>()).add(p.productId());
            }
        }
        Map<String, CatalogRepository.Product> found = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : idsByType.entrySet()) {
            List<CatalogRepository.Product> products = "ASIN".equals(e.getKey())
                    ? repository.productsByAsin(e.getValue())
                    : repository.productsById(e.getKey(), e.getValue());
            for (CatalogRepository.Product p : products) {
                found.put("ASIN".equals(e.getKey()) ? productKey("ASIN", p.asin())
                        : productKey(p.productIdType(), p.productId()), p);
            }
        }
        return found;
    }

    private static String productKey(String type, String id) {
        return type + '\u0000' + id;
    }

    private String newAsin() {
        while (true) {
            char[] chars = new char[10];
            chars[0] = 'B';
            chars[1] = '0';
            for (int i = 2; i < chars.length; i++) {
                chars[i] = ASIN_ALPHABET.charAt(random.nextInt(ASIN_ALPHABET.length()));
            }
            String asin = new String(chars);
            if (!repository.asinExists(asin)) {
                return asin;
            }
        }
    }

    /** One batch in memory: the rows it read, changed in order, then written back at once. */
    private final class Batch {

        final long accountId;
        final List<String> marketplaceIds;
        final Long feedRef;
        final boolean staging;
        final Instant now;
        final Map<String, ListingRow> rows;
        final Map<String, CatalogRepository.Product> products;

        Batch(long accountId, List<String> marketplaceIds, Long feedRef, boolean staging, Instant now,
              Map<String, ListingRow> rows, Map<String, CatalogRepository.Product> products) {
            this.accountId = accountId;
            this.marketplaceIds = marketplaceIds;
            this.feedRef = feedRef;
            this.staging = staging;
            this.now = now;
            this.rows = rows;
            this.products = products;
        }

        ListingRow existing(String marketplaceId, String sku) {
            ListingRow r = rows.get(CatalogRepository.key(marketplaceId, sku));
            return r == null || r.deleted ? null : r;
        }

        Rejection apply(ListingChange c) {
            Rejection currency = checkCurrency(marketplaceIds, c);
            if (currency != null) {
                return currency;
            }
            return switch (c.kind()) {
                case DELETE -> delete(c);
                case PATCH_OFFER, PATCH_PRODUCT -> patch(c);
                case REPLACE_PRODUCT, UPSERT_OFFER -> upsert(c);
            };
        }

        private Rejection delete(ListingChange c) {
            for (String m : marketplaceIds) {
                String key = CatalogRepository.key(m, c.sku());
                ListingRow r = rows.get(key);
                if (r == null) {
                    continue;
                }
                if (r.id == 0) {
                    rows.remove(key);
                } else {
                    r.deleted = true;
                }
            }
            return null;
        }

        private Rejection patch(ListingChange c) {
            List<ListingRow> targets = new ArrayList<>(marketplaceIds.size());
            for (String m : marketplaceIds) {
                ListingRow r = existing(m, c.sku());
                if (r != null) {
                    targets.add(r);
                }
            }
            if (targets.isEmpty()) {
                return unknownSku(c);
            }
            if (c.kind() == ListingChange.Kind.PATCH_PRODUCT) {
                for (ListingRow r : targets) {
                    Rejection identity = checkIdentity(c, r);
                    if (identity != null) {
                        return identity;
                    }
                }
            }
            for (ListingRow r : targets) {
                patchProduct(r, c.product());
                patchOffer(r, c.offer());
                touch(r);
            }
            return null;
        }

        private Rejection upsert(ListingChange c) {
            ListingChange.Product p = c.product();
            boolean anyNew = false;
            for (String m : marketplaceIds) {
                ListingRow r = existing(m, c.sku());
                if (r == null) {
                    anyNew = true;
                } else {
                    Rejection identity = checkIdentity(c, r);
                    if (identity != null) {
                        return identity;
                    }
                }
            }
            CatalogRepository.Product product = null;
            if (anyNew) {
                boolean hasId = p.productIdType() != null && p.productId() != null;
                product = hasId ? products.get(productKey(p.productIdType(), p.productId())) : null;
                if (product == null) {
                    if (c.kind() == ListingChange.Kind.UPSERT_OFFER || !hasId || p.title() == null) {
                        return missing(c, hasId);
                    }
                    if ("ASIN".equals(p.productIdType())) {
                        return new Rejection(c.messageId(), c.sku(), Rejection.NO_MATCHING_ASIN, "SKU " + c.sku()
                                + ": ASIN " + p.productId() + " does not match any product in the catalog.");
                    }
                    product = new CatalogRepository.Product(newAsin(), p.productIdType(), p.productId(), p.title(),
                            p.brand(), p.manufacturer());
                    repository.insertProduct(product, accountId, now);
                    products.put(productKey(p.productIdType(), p.productId()), product);
                }
            }
            for (String m : marketplaceIds) {
                ListingRow r = existing(m, c.sku());
                if (r == null) {
                    r = create(m, c.sku(), product);
                }
                if (c.kind() == ListingChange.Kind.REPLACE_PRODUCT) {
                    replaceProduct(r, p, product);
                } else {
                    patchProduct(r, p);
                }
                patchOffer(r, c.offer());
                touch(r);
            }
            return null;
        }

        private Rejection missing(ListingChange c, boolean hasId) {
            ListingChange.Product p = c.product();
            if (c.kind() == ListingChange.Kind.UPSERT_OFFER && hasId) {
                return new Rejection(c.messageId(), c.sku(), Rejection.NO_MATCHING_ASIN, "SKU " + c.sku() + ": "
                        + p.productIdType() + " " + p.productId() + " does not match any product in the catalog;"
                        + " create the product with a product feed first.");
            }
            List<String> missing = new ArrayList<>();
            if (!hasId) {
                missing.add(c.kind() == ListingChange.Kind.UPSERT_OFFER ? "product-id, product-id-type"
                        : "StandardProductID");
            }
            if (c.kind() == ListingChange.Kind.REPLACE_PRODUCT && p.title() == null) {
                missing.add("Title");
            }
            return new Rejection(c.messageId(), c.sku(), Rejection.MISSING_ATTRIBUTES, "SKU " + c.sku()
                    + " does not match any ASIN and is missing attributes a new product needs: "
                    + String.join(", ", missing) + ".");
        }

        /** A product id that names another product than the listing's would move the SKU: refused. */
        private Rejection checkIdentity(ListingChange c, ListingRow r) {
            ListingChange.Product p = c.product();
            if (p.productIdType() == null || p.productId() == null) {
                return null;
            }
            CatalogRepository.Product matched = products.get(productKey(p.productIdType(), p.productId()));
            boolean sameListingId = p.productIdType().equals(r.productIdType) && p.productId().equals(r.productId);
            boolean ok = matched != null ? matched.asin().equals(r.asin)
                    : sameListingId || r.productId == null && !"ASIN".equals(p.productIdType());
            if (ok) {
                return null;
            }
            return new Rejection(c.messageId(), c.sku(), Rejection.IDENTITY_CHANGE, "SKU " + c.sku() + " is ASIN "
                    + r.asin + "; " + p.productIdType() + " " + p.productId() + " would match it to another product."
                    + " Use a new SKU for another product.");
        }

        private ListingRow create(String marketplaceId, String sku, CatalogRepository.Product product) {
            String key = CatalogRepository.key(marketplaceId, sku);
            ListingRow r = rows.get(key);
            if (r == null) {
                r = new ListingRow();
                rows.put(key, r);
            }
            long id = r.id;
            ListingRow fresh = new ListingRow();
            fresh.id = id;
            fresh.marketplaceId = marketplaceId;
            fresh.sku = sku;
            fresh.asin = product.asin();
            fresh.productIdType = product.productIdType();
            fresh.productId = product.productId();
            fresh.title = product.title();
            fresh.brand = product.brand();
            fresh.manufacturer = product.manufacturer();
            fresh.conditionType = "New";
            fresh.currency = Marketplaces.byId(marketplaceId).map(Marketplace::currencyCode).orElseThrow();
            fresh.createdAt = now;
            rows.put(key, fresh);
            return fresh;
        }

        private void replaceProduct(ListingRow r, ListingChange.Product p, CatalogRepository.Product matched) {
            if (p.productIdType() != null && p.productId() != null && !"ASIN".equals(p.productIdType())) {
                r.productIdType = p.productIdType();
                r.productId = p.productId();
            }
            r.title = p.title() != null ? p.title() : matched != null ? matched.title() : r.title;
            r.brand = p.brand();
            r.manufacturer = p.manufacturer();
            r.description = p.description();
            r.bulletPoints = p.bulletPoints() == null ? null : String.join("\n", p.bulletPoints());
            r.productTaxCode = p.productTaxCode();
            r.conditionType = p.conditionType() == null ? "New" : p.conditionType();
            r.conditionNote = p.conditionNote();
        }

        private void patchProduct(ListingRow r, ListingChange.Product p) {
            if (p.productIdType() != null && p.productId() != null && !"ASIN".equals(p.productIdType())) {
                r.productIdType = p.productIdType();
                r.productId = p.productId();
            }
            r.title = p.title() != null ? p.title() : r.title;
            r.brand = p.brand() != null ? p.brand() : r.brand;
            r.manufacturer = p.manufacturer() != null ? p.manufacturer() : r.manufacturer;
            r.description = p.description() != null ? p.description() : r.description;
            r.bulletPoints = p.bulletPoints() != null ? String.join("\n", p.bulletPoints()) : r.bulletPoints;
            r.productTaxCode = p.productTaxCode() != null ? p.productTaxCode() : r.productTaxCode;
            r.conditionType = p.conditionType() != null ? p.conditionType() : r.conditionType;
            r.conditionNote = p.conditionNote() != null ? p.conditionNote() : r.conditionNote;
        }

        private void patchOffer(ListingRow r, ListingChange.Offer o) {
            if (o.price() != null) {
                r.price = o.price();
            }
            if (o.clearSale()) {
                r.salePrice = null;
                r.saleStart = null;
                r.saleEnd = null;
            } else if (o.salePrice() != null) {
                r.salePrice = o.salePrice();
                r.saleStart = o.saleStart();
                r.saleEnd = o.saleEnd();
            }
            if (o.quantity() != null) {
                r.quantity = o.quantity();
            }
            if (o.fulfillmentLatency() != null) {
                r.fulfillmentLatency = o.fulfillmentLatency();
            }
        }

        private void touch(ListingRow r) {
            r.deleted = false;
            r.dirty = true;
            r.status = ListingStatus.of(staging, r.price, r.quantity).name();
            r.lastFeedRef = feedRef;
            r.updatedAt = now;
        }
    }
}
