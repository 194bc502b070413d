package io.openmws.server.authorizations;

import io.openmws.protocol.ids.DeveloperId;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of authorizations, their verification links, audit trail and reminders. Every read a
 * seller's page makes names the seller's account too, so one seller can never reach another's row.
 */
@Repository
class AuthorizationRepository {

    /** What the API's lookup needs: one indexed read by the token's hash. */
    record TokenOwner(AuthorizationStatus status, Instant expiresAt, String sellerId, String developerId) {}

    /** The sealed token of a row, with what its seal is bound to. */
    record SealedToken(long accountId, long developerRef, String tokenHash, byte[] sealed) {
        @Override
        public String toString() {
            return "SealedToken[account=" + accountId + ", developer=" + developerRef + ", sealed token redacted]";
        }
    }

    /** A live verification link: which authorization it confirms, and until when. */
    record Verification(long authorizationRef, Instant expiresAt) {}

    private static final String SELECT = """
            SELECT a.id, a.account_id, s.seller_id, s.business_name, a.developer_ref, d.developer_id, d.developer_name,
                   a.status, a.token_last4, a.terms_version, a.authorized_at, a.verified_at, a.active_since,
                   a.expires_at, a.revoked_at
            FROM seller_authorization a
            JOIN seller_account s ON s.id = a.account_id
            JOIN developer d ON d.id = a.developer_ref
            """;

    private final JdbcClient jdbc;
    private final AccessVersion accessVersion;

    AuthorizationRepository(JdbcClient jdbc, AccessVersion accessVersion) {
        this.jdbc = jdbc;
        this.accessVersion = accessVersion;
    }

    /**
     * Locks the seller account's row until the transaction ends: every change that must see "one live
     * authorization per developer" takes this lock first, so two tabs cannot make two.
     */
    void lockAccount(long accountId) {
        jdbc.sql("SELECT id FROM seller_account WHERE id = :id FOR UPDATE")
                .param("id", accountId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No seller account " + accountId));
    }

    long insert(long accountId, long developerRef, AuthorizationStatus status, String tokenHash, byte[] tokenSealed,
                String tokenLast4, String termsVersion, Instant termsAcceptedAt, String termsAcceptedFrom,
                Instant verifiedAt, Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO seller_authorization (account_id, developer_ref, status, token_hash, token_sealed,
                                                          token_last4, terms_version, terms_accepted_at,
                                                          terms_accepted_from, authorized_at, verified_at, active_since,
                                                          expires_at)
                        VALUES (:account, :developer, :status, :hash, :sealed, :last4, :terms, :acceptedAt, :acceptedFrom,
                                :acceptedAt, :verifiedAt, :verifiedAt, :expiresAt)""")
                .param("account", accountId)
                .param("developer", developerRef)
                .param("status", status.name())
                .param("hash", tokenHash)
                .param("sealed", tokenSealed)
                .param("last4", tokenLast4)
                .param("terms", termsVersion)
                .param("acceptedAt", SqlTime.of(termsAcceptedAt))
                .param("acceptedFrom", termsAcceptedFrom)
                .param("verifiedAt", SqlTime.of(verifiedAt))
                .param("expiresAt", SqlTime.of(expiresAt))
                .update(key, "id");
        accessVersion.moved();
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Authorization> find(long ref) {
        return jdbc.sql(SELECT + " WHERE a.id = :ref")
                .param("ref", ref)
                .query(AuthorizationRepository::authorization)
                .optional();
    }

    /** One of the account's authorizations, or empty when the number is not the account's. */
    Optional<Authorization> ofAccount(long accountId, long ref) {
        return jdbc.sql(SELECT + " WHERE a.id = :ref AND a.account_id = :account")
                .param("ref", ref)
                .param("account", accountId)
                .query(AuthorizationRepository::authorization)
                .optional();
    }

    /** Every authorization the account made, newest first. */
    List<Authorization> ofAccount(long accountId) {
        return jdbc.sql(SELECT + " WHERE a.account_id = :account ORDER BY a.authorized_at DESC, a.id DESC")
                .param("account", accountId)
                .query(AuthorizationRepository::authorization)
                .list();
    }

    /** Every authorization of the developer, grouped by seller, newest first within each. */
    List<Authorization> ofDeveloper(long developerRef) {
        return jdbc.sql(SELECT + " WHERE a.developer_ref = :developer ORDER BY s.seller_id, a.authorized_at DESC, a.id DESC")
                .param("developer", developerRef)
                .query(AuthorizationRepository::authorization)
                .list();
    }

    // --- long lists: search, live and past sections, pages, CSV ---------------------------------

    /** Whose list a query reads: a seller account's own authorizations, or a developer's. */
    enum Scope { ACCOUNT, DEVELOPER }

    /** Pending, or active and not past its expiry at {@code :now}: the live section. */
    private static final String LIVE =
            "(a.status = 'PENDING_VERIFICATION' OR (a.status = 'ACTIVE' AND a.expires_at > :now))";

    /**
     * One page of the live or the past section of the account's or the developer's list, matching
     * the search, at most {@link AuthorizationListing#PAGE_SIZE} + 1 rows (the extra one tells that
     * another page follows).
     */
    List<Authorization> page(Scope scope, long owner, AuthorizationListing listing, boolean live, Instant now) {
        String sql = SELECT + where(scope, listing.filter()) + " AND " + (live ? LIVE : "NOT " + LIVE)
                + " ORDER BY " + order(listing.sort(), live) + " LIMIT :limit OFFSET :offset";
        return bound(jdbc.sql(sql), scope, owner, listing.filter())
                .param("now", SqlTime.of(now))
                .param("limit", AuthorizationListing.PAGE_SIZE + 1)
                .param("offset", listing.offset(live))
                .query(AuthorizationRepository::authorization)
                .list();
    }

    /** Every row of the list matching the search, live ones first, handed on one by one as read (for CSV). */
    void each(Scope scope, long owner, AuthorizationListing listing, Instant now, Consumer<Authorization> row) {
        String sql = SELECT + where(scope, listing.filter()) + " ORDER BY CASE WHEN " + LIVE + " THEN 0 ELSE 1 END, "
                + order(listing.sort(), true);
        bound(jdbc.sql(sql), scope, owner, listing.filter())
                .param("now", SqlTime.of(now))
                .query((RowCallbackHandler) rs -> row.accept(authorization(rs, 0)));
    }

    private static String where(Scope scope, ListFilter filter) {
        String where = scope == Scope.ACCOUNT ? " WHERE a.account_id = :owner" : " WHERE a.developer_ref = :owner";
        if (filter.none()) {
            return where;
        }
        return where + (scope == Scope.ACCOUNT
                ? " AND (d.developer_id = :digits OR d.developer_id LIKE :like ESCAPE '\\'"
                        + " OR LOWER(d.developer_name) LIKE :like ESCAPE '\\')"
                : " AND (LOWER(s.seller_id) LIKE :like ESCAPE '\\' OR LOWER(s.business_name) LIKE :like ESCAPE '\\')");
    }

    private static JdbcClient.StatementSpec bound(JdbcClient.StatementSpec statement, Scope scope, long owner,
                                                  ListFilter filter) {
        statement = statement.param("owner", owner);
        if (filter.none()) {
            return statement;
        }
        statement = statement.param("like", filter.emailLike());
        return scope == Scope.ACCOUNT
                ? statement.param("digits", filter.developerDigits() == null ? "" : filter.developerDigits())
                : statement;
    }

    private static String order(AuthorizationListing.Sort sort, boolean live) {
        return switch (sort) {
            case EXPIRY -> "a.expires_at ASC NULLS LAST, a.id ASC";
            case EXPIRY_DESC -> "a.expires_at DESC NULLS LAST, a.id DESC";
            case NEWEST -> live ? "a.authorized_at DESC, a.id DESC"
                    : "COALESCE(a.revoked_at, a.expires_at) DESC, a.id DESC";
        };
    }

    /** The marketplaces of the given seller accounts, by account. */
    Map<Long, List<String>> marketplaceIds(Collection<Long> accountIds) {
        Map<Long, List<String>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        jdbc.sql("SELECT account_id, marketplace_id FROM seller_marketplace WHERE account_id IN (:ids)"
                        + " ORDER BY account_id, marketplace_id")
                .param("ids", List.copyOf(accountIds))
                .query((RowCallbackHandler) rs -> byAccount.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>())
                        .add(rs.getString("marketplace_id")));
        return byAccount;
    }

    /** The marketplaces of every seller account that ever authorized the developer, by account. */
    Map<Long, List<String>> marketplaceIdsOfSellers(long developerRef) {
        Map<Long, List<String>> byAccount = new HashMap<>();
        jdbc.sql("""
                        SELECT m.account_id, m.marketplace_id FROM seller_marketplace m
                        WHERE m.account_id IN (SELECT account_id FROM seller_authorization WHERE developer_ref = :developer)
                        ORDER BY m.account_id, m.marketplace_id""")
                .param("developer", developerRef)
                .query((RowCallbackHandler) rs -> byAccount.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>())
                        .add(rs.getString("marketplace_id")));
        return byAccount;
    }

    /** The pair's newest authorization, whatever its status. */
    Optional<Authorization> newestOfPair(long accountId, long developerRef) {
        return jdbc.sql(SELECT + " WHERE a.account_id = :account AND a.developer_ref = :developer"
                        + " ORDER BY a.authorized_at DESC, a.id DESC LIMIT 1")
                .param("account", accountId)
                .param("developer", developerRef)
                .query(AuthorizationRepository::authorization)
                .optional();
    }

    /** The pair's authorization that is not revoked, if any (there is at most one). */
    Optional<Authorization> liveOfPair(long accountId, long developerRef) {
        return jdbc.sql(SELECT + " WHERE a.account_id = :account AND a.developer_ref = :developer"
                        + " AND a.status <> 'REVOKED'")
                .param("account", accountId)
                .param("developer", developerRef)
                .query(AuthorizationRepository::authorization)
                .optional();
    }

    /**
     * The newest authorizations matching the operator's filter (the seller's Seller ID or part of its
     * email, or the Developer ID), newest first, at most {@code limit}. For the sandbox operator only.
     */
    List<Authorization> newest(ListFilter filter, int limit) {
        String where = filter.none() ? "" : " WHERE s.seller_id = :sellerId OR d.developer_id = :digits"
                + " OR s.email_normalized LIKE :email ESCAPE '\\'";
        var statement = jdbc.sql(SELECT + where + " ORDER BY a.authorized_at DESC, a.id DESC LIMIT :limit")
                .param("limit", limit);
        if (!filter.none()) {
            statement = statement.param("sellerId", filter.sellerId())
                    .param("digits", filter.developerDigits() == null ? "" : filter.developerDigits())
                    .param("email", filter.emailLike());
        }
        return statement.query(AuthorizationRepository::authorization).list();
    }

    /** How many authorizations exist, and how many of them are active at {@code now}. */
    long[] counts(Instant now) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               COALESCE(SUM(CASE WHEN status = 'ACTIVE' AND expires_at > :now THEN 1 ELSE 0 END), 0) AS active
                        FROM seller_authorization""")
                .param("now", SqlTime.of(now))
                .query((rs, n) -> new long[] {rs.getLong("total"), rs.getLong("active")})
                .single();
    }

    /** Whether the seller ever confirmed an authorization of this developer (later ones need no email). */
    boolean everVerified(long accountId, long developerRef) {
        return jdbc.sql("""
                        SELECT count(*) FROM seller_authorization
                        WHERE account_id = :account AND developer_ref = :developer AND verified_at IS NOT NULL""")
                .param("account", accountId)
                .param("developer", developerRef)
                .query(Long.class)
                .single() > 0;
    }

    /** The row locked until the transaction ends, when it is the account's. */
    Optional<Authorization> lockOfAccount(long accountId, long ref) {
        Optional<Long> locked = jdbc.sql("SELECT id FROM seller_authorization WHERE id = :ref AND account_id = :account FOR UPDATE")
                .param("ref", ref)
                .param("account", accountId)
                .query(Long.class)
                .optional();
        return locked.flatMap(this::find);
    }

    Optional<TokenOwner> byTokenHash(String tokenHash) {
        return jdbc.sql("""
                        SELECT a.status, a.expires_at, s.seller_id, d.developer_id
                        FROM seller_authorization a
                        JOIN seller_account s ON s.id = a.account_id
                        JOIN developer d ON d.id = a.developer_ref
                        WHERE a.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, n) -> new TokenOwner(AuthorizationStatus.valueOf(rs.getString("status")),
                        SqlTime.read(rs, "expires_at"), rs.getString("seller_id"), rs.getString("developer_id")))
                .optional();
    }

    /** The newest authorization's sealed token and row id, if there is an authorization. */
    Optional<Map.Entry<Long, SealedToken>> newestSealedToken() {
        return jdbc.sql("SELECT id, account_id, developer_ref, token_hash, token_sealed FROM seller_authorization"
                        + " ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> Map.entry(rs.getLong("id"), new SealedToken(rs.getLong("account_id"),
                        rs.getLong("developer_ref"), rs.getString("token_hash"), rs.getBytes("token_sealed"))))
                .optional();
    }

    SealedToken sealedToken(long ref) {
        return jdbc.sql("SELECT account_id, developer_ref, token_hash, token_sealed FROM seller_authorization WHERE id = :ref")
                .param("ref", ref)
                .query((rs, n) -> new SealedToken(rs.getLong("account_id"), rs.getLong("developer_ref"),
                        rs.getString("token_hash"), rs.getBytes("token_sealed")))
                .single();
    }

    /** Verification: the pending row becomes active for twelve months. False when it was not pending. */
    boolean activate(long ref, Instant now, Instant expiresAt) {
        return accessVersion.movedIf(jdbc.sql("""
                        UPDATE seller_authorization
                        SET status = 'ACTIVE', verified_at = :now, active_since = :now, expires_at = :expires
                        WHERE id = :ref AND status = 'PENDING_VERIFICATION'""")
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("ref", ref)
                .update() == 1);
    }

    /** Renewal: an active or expired row runs another twelve months from now, with the same token. */
    boolean renew(long ref, Instant now, Instant expiresAt) {
        return accessVersion.movedIf(jdbc.sql("""
                        UPDATE seller_authorization SET status = 'ACTIVE', active_since = :now, expires_at = :expires
                        WHERE id = :ref AND status IN ('ACTIVE', 'EXPIRED')""")
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("ref", ref)
                .update() == 1);
    }

    boolean revoke(long ref, Instant now) {
        return accessVersion.movedIf(jdbc.sql("UPDATE seller_authorization SET status = 'REVOKED', revoked_at = :now WHERE id = :ref AND status <> 'REVOKED'")
                .param("now", SqlTime.of(now))
                .param("ref", ref)
                .update() == 1);
    }

    /** Active rows whose expiry has passed, locked, at most {@code limit} of them. */
    List<Long> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM seller_authorization WHERE status = 'ACTIVE' AND expires_at <= :now
                        ORDER BY expires_at, id LIMIT :limit FOR UPDATE""")
                .param("now", SqlTime.of(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    boolean markExpired(long ref, Instant now) {
        return accessVersion.movedIf(jdbc.sql("UPDATE seller_authorization SET status = 'EXPIRED' WHERE id = :ref AND status = 'ACTIVE' AND expires_at <= :now")
                .param("ref", ref)
                .param("now", SqlTime.of(now))
                .update() == 1);
    }

    /** Active rows inside their last 30 days: the ones that may owe their seller a reminder. */
    List<Long> inRenewalWindow(Instant now, Instant windowEnd) {
        return jdbc.sql("""
                        SELECT id FROM seller_authorization
                        WHERE status = 'ACTIVE' AND expires_at > :now AND expires_at <= :windowEnd
                        ORDER BY expires_at, id""")
                .param("now", SqlTime.of(now))
                .param("windowEnd", SqlTime.of(windowEnd))
                .query(Long.class)
                .list();
    }

    /**
     * Claims a reminder: inserts its row unless it exists. True when this call claimed it, and the
     * mail is therefore to be sent.
     */
    boolean claimReminder(long ref, Instant expiresAt, int number, Instant now) {
        return jdbc.sql("""
                        INSERT INTO authorization_reminder (authorization_ref, expires_at, reminder_number, sent_at)
                        SELECT :ref, :expires, :number, :now
                        WHERE NOT EXISTS (SELECT 1 FROM authorization_reminder
                                          WHERE authorization_ref = :ref AND expires_at = :expires
                                                AND reminder_number = :number)""")
                .param("ref", ref)
                .param("expires", SqlTime.of(expiresAt))
                .param("number", number)
                .param("now", SqlTime.of(now))
                .update() == 1;
    }

    // --- verification links ---------------------------------------------------------------------

    void insertVerification(String tokenHash, long ref, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO authorization_verification (token_hash, authorization_ref, created_at, expires_at)
                        VALUES (:hash, :ref, :now, :expires)""")
                .param("hash", tokenHash)
                .param("ref", ref)
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .update();
    }

    /** Ends the authorization's unused links (a new one was sent). */
    void retireVerifications(long ref, Instant now) {
        jdbc.sql("""
                        UPDATE authorization_verification SET expires_at = :now
                        WHERE authorization_ref = :ref AND used_at IS NULL AND expires_at > :now""")
                .param("ref", ref)
                .param("now", SqlTime.of(now))
                .update();
    }

    Optional<Instant> newestVerificationSent(long ref) {
        return jdbc.sql("SELECT max(created_at) AS newest FROM authorization_verification WHERE authorization_ref = :ref")
                .param("ref", ref)
                .query((rs, n) -> SqlTime.read(rs, "newest"))
                .optional();
    }

    /** The link's authorization when the link is unused and unexpired at {@code now}. */
    Optional<Verification> liveVerification(String tokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT authorization_ref, expires_at FROM authorization_verification
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash)
                .param("now", SqlTime.of(now))
                .query((rs, n) -> new Verification(rs.getLong("authorization_ref"), SqlTime.read(rs, "expires_at")))
                .optional();
    }

    boolean useVerification(String tokenHash, Instant now) {
        return jdbc.sql("""
                        UPDATE authorization_verification SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("hash", tokenHash)
                .param("now", SqlTime.of(now))
                .update() == 1;
    }

    // --- audit trail ----------------------------------------------------------------------------

    void recordEvent(long ref, AuthorizationEvent.Kind kind, Instant at, Actor actor, String detail) {
        jdbc.sql("""
                        INSERT INTO authorization_event (authorization_ref, event, occurred_at, actor, detail)
                        VALUES (:ref, :event, :at, :actor, :detail)""")
                .param("ref", ref)
                .param("event", kind.name())
                .param("at", SqlTime.of(at))
                .param("actor", actor.stored())
                .param("detail", detail)
                .update();
    }

    List<AuthorizationEvent> events(long ref) {
        return jdbc.sql("""
                        SELECT event, occurred_at, actor, detail FROM authorization_event
                        WHERE authorization_ref = :ref ORDER BY occurred_at, id""")
                .param("ref", ref)
                .query((rs, n) -> new AuthorizationEvent(AuthorizationEvent.Kind.valueOf(rs.getString("event")),
                        SqlTime.read(rs, "occurred_at"), Actor.fromStored(rs.getString("actor")), rs.getString("detail")))
                .list();
    }

    private static Authorization authorization(ResultSet rs, int n) throws SQLException {
        return new Authorization(rs.getLong("id"), rs.getLong("account_id"), rs.getString("seller_id"),
                rs.getString("business_name"), rs.getLong("developer_ref"), DeveloperId.of(rs.getString("developer_id")),
                rs.getString("developer_name"), AuthorizationStatus.valueOf(rs.getString("status")),
                rs.getString("token_last4"), rs.getString("terms_version"), SqlTime.read(rs, "authorized_at"),
                SqlTime.read(rs, "verified_at"), SqlTime.read(rs, "active_since"), SqlTime.read(rs, "expires_at"),
                SqlTime.read(rs, "revoked_at"));
    }
}
