package io.openmws.server.accounts;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.server.support.AccessVersion;
import io.openmws.server.support.ListFilter;
import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of seller accounts. Every statement names the account it touches. */
@Repository
class SellerAccountRepository {

    /** What sign-in needs: the account plus its secrets and lock state. */
    record Credentials(SellerAccount account, String passwordHash, Instant lockedUntil) {
        @Override
        public String toString() {
            return "Credentials[account=" + account.id() + ", password hash redacted]";
        }
    }

    private static final String COLUMNS = """
            id, seller_id, email, business_name, contact_name, status, home_marketplace_id, staging, created_at,
            password_hash, locked_until""";

    private final JdbcClient jdbc;
    private final AccessVersion accessVersion;
    /** By Seller ID: every signed call looks its seller up (at most one entry per seller). */
    private final AccessVersion.Cache<String, Optional<SellerAccount>> bySellerId;

    SellerAccountRepository(JdbcClient jdbc, AccessVersion accessVersion) {
        this.jdbc = jdbc;
        this.accessVersion = accessVersion;
        this.bySellerId = accessVersion.cache(100_000,
                sellerId -> find("seller_id = :key", sellerId).map(Credentials::account));
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    long insert(String email, String businessName, String contactName, String passwordHash,
                String homeMarketplaceId, Collection<String> marketplaceIds, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO seller_account (email, email_normalized, business_name, contact_name, password_hash,
                                                    status, home_marketplace_id, created_at)
                        VALUES (:email, :normalized, :business, :contact, :hash, 'PENDING_VERIFICATION', :home, :now)""")
                .param("email", email.strip())
                .param("normalized", normalize(email))
                .param("business", businessName)
                .param("contact", contactName)
                .param("hash", passwordHash)
                .param("home", homeMarketplaceId)
                .param("now", SqlTime.of(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        replaceMarketplaces(id, marketplaceIds);
        return id;
    }

    Optional<SellerAccount> findById(long id) {
        return find("id = :key", id).map(Credentials::account);
    }

    /**
     * The account of a Seller ID, as of this request's arrival or later: kept per node while the
     * {@link AccessVersion} stays, which every change of what a {@link SellerAccount} holds moves
     * (activation, contact name, marketplaces, staging mode).
     */
    Optional<SellerAccount> findBySellerId(String sellerId) {
        return bySellerId.get(sellerId);
    }

    Optional<Credentials> credentialsByEmail(String email) {
        return find("email_normalized = :key", normalize(email));
    }

    Optional<Credentials> credentialsById(long id) {
        return find("id = :key", id);
    }

    private Optional<Credentials> find(String where, Object key) {
        // One statement, a row per marketplace the account sells in (every signed call looks its seller
        // up this way); `where` names a unique key, so all rows are of one account.
        List<Credentials> account = new ArrayList<>(1);
        List<String> stored = new ArrayList<>(4);
        jdbc.sql("SELECT " + COLUMNS + ", m.marketplace_id AS sold_in FROM seller_account"
                        + " LEFT JOIN seller_marketplace m ON m.account_id = id WHERE " + where)
                .param("key", key)
                .query(rs -> {
                    if (account.isEmpty()) {
                        account.add(credentials(rs, 0));
                    }
                    String marketplace = rs.getString("sold_in");
                    if (marketplace != null) {
                        stored.add(marketplace);
                    }
                });
        return account.stream().findFirst().map(c -> new Credentials(c.account().withMarketplaces(
                ordered(c.account().homeMarketplaceId(), stored)), c.passwordHash(), c.lockedUntil()));
    }

    /** The row; its marketplaces are filled in by {@link #find}. */
    private Credentials credentials(ResultSet rs, int row) throws SQLException {
        SellerAccount account = new SellerAccount(rs.getLong("id"), rs.getString("seller_id"), rs.getString("email"),
                rs.getString("business_name"), rs.getString("contact_name"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("home_marketplace_id"),
                List.of(), rs.getBoolean("staging"), SqlTime.read(rs, "created_at"));
        return new Credentials(account, rs.getString("password_hash"), SqlTime.read(rs, "locked_until"));
    }

    /**
     * The newest accounts matching the operator's filter (Seller ID, or part of the email), newest
     * first, at most {@code limit}; their marketplaces are read in one more statement.
     */
    List<SellerAccount> newest(ListFilter filter, int limit) {
        String where = filter.none() ? "" : " WHERE seller_id = :sellerId OR email_normalized LIKE :email ESCAPE '\\'";
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM seller_account" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit);
        if (!filter.none()) {
            statement = statement.param("sellerId", filter.sellerId()).param("email", filter.emailLike());
        }
        List<SellerAccount> bare = statement.query(this::credentials).list().stream().map(Credentials::account).toList();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<String>> stored = new HashMap<>();
        jdbc.sql("SELECT account_id, marketplace_id FROM seller_marketplace WHERE account_id IN (:ids)")
                .param("ids", bare.stream().map(SellerAccount::id).toList())
                .query((rs, n) -> stored.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>())
                        .add(rs.getString("marketplace_id")))
                .list();
        return bare.stream()
                .map(a -> a.withMarketplaces(ordered(a.homeMarketplaceId(), stored.getOrDefault(a.id(), List.of()))))
                .toList();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM seller_account").query(Long.class).single();
    }

    /** The home marketplace first, then the others in table order. */
    private static List<String> ordered(String home, List<String> stored) {
        List<String> ordered = new ArrayList<>();
        ordered.add(home);
        for (Marketplace m : Marketplaces.all()) {
            String id = m.id().value();
            if (!id.equals(home) && stored.contains(id)) {
                ordered.add(id);
            }
        }
        return ordered;
    }

    void replaceMarketplaces(long accountId, Collection<String> marketplaceIds) {
        jdbc.sql("DELETE FROM seller_marketplace WHERE account_id = :id").param("id", accountId).update();
        for (String marketplaceId : marketplaceIds) {
            jdbc.sql("INSERT INTO seller_marketplace (account_id, marketplace_id) VALUES (:id, :marketplace)")
                    .param("id", accountId)
                    .param("marketplace", marketplaceId)
                    .update();
        }
        accessVersion.moved();
    }

    boolean activate(long accountId, String sellerId, Instant now) {
        // Moves the version: a developer's keys sign only for an active account, which gets its Seller ID here.
        return accessVersion.movedIf(jdbc.sql("""
                        UPDATE seller_account SET status = 'ACTIVE', seller_id = :seller, verified_at = :now
                        WHERE id = :id AND status = 'PENDING_VERIFICATION'""")
                .param("seller", sellerId)
                .param("now", SqlTime.of(now))
                .param("id", accountId)
                .update() == 1);
    }

    void updateContactName(long accountId, String contactName) {
        jdbc.sql("UPDATE seller_account SET contact_name = :name WHERE id = :id")
                .param("name", contactName)
                .param("id", accountId)
                .update();
        accessVersion.moved();
    }

    boolean stagingForUpdate(long accountId) {
        return jdbc.sql("SELECT staging FROM seller_account WHERE id = :id FOR UPDATE")
                .param("id", accountId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void updateStaging(long accountId, boolean staging) {
        jdbc.sql("UPDATE seller_account SET staging = :staging WHERE id = :id")
                .param("staging", staging)
                .param("id", accountId)
                .update();
        accessVersion.moved();
    }

    void updatePasswordHash(long accountId, String hash) {
        jdbc.sql("UPDATE seller_account SET password_hash = :hash, failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("hash", hash)
                .param("id", accountId)
                .update();
    }

    /** Counts a failed sign-in; returns the count after it. */
    int countFailedSignIn(long accountId) {
        jdbc.sql("UPDATE seller_account SET failed_sign_ins = failed_sign_ins + 1 WHERE id = :id")
                .param("id", accountId)
                .update();
        return jdbc.sql("SELECT failed_sign_ins FROM seller_account WHERE id = :id")
                .param("id", accountId)
                .query(Integer.class)
                .single();
    }

    /** Locks the account if it has reached {@code threshold} failures; true for the one caller that locked it. */
    boolean lockIfReached(long accountId, int threshold, Instant until) {
        return jdbc.sql("""
                        UPDATE seller_account SET locked_until = :until, failed_sign_ins = 0
                        WHERE id = :id AND failed_sign_ins >= :threshold""")
                .param("until", SqlTime.of(until))
                .param("id", accountId)
                .param("threshold", threshold)
                .update() == 1;
    }

    void clearFailedSignIns(long accountId) {
        jdbc.sql("UPDATE seller_account SET failed_sign_ins = 0 WHERE id = :id AND failed_sign_ins <> 0")
                .param("id", accountId)
                .update();
    }
}
