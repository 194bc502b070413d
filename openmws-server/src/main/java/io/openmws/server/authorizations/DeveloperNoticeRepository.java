package io.openmws.server.authorizations;

import io.openmws.server.support.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of developers' notices. Every read names the developer. */
@Repository
class DeveloperNoticeRepository {

    /** One notice with the seller it is about, as the developer's list shows it. */
    record NoticeRow(long id, DeveloperNotices.Kind kind, Instant createdAt, Instant expiresAt, String sellerId,
                     String businessName) {}

    private final JdbcClient jdbc;

    DeveloperNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the notice unless the same one (authorization, kind, expiry) exists. True when this call
     * wrote it, and its mail is therefore to be sent.
     */
    boolean claim(long developerRef, long authorizationRef, DeveloperNotices.Kind kind, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO developer_notice (developer_ref, authorization_ref, kind, expires_at, created_at)
                        SELECT :developer, :ref, :kind, :expires, :now
                        WHERE NOT EXISTS (SELECT 1 FROM developer_notice
                                          WHERE authorization_ref = :ref AND kind = :kind AND expires_at = :expires)""")
                .param("developer", developerRef)
                .param("ref", authorizationRef)
                .param("kind", kind.name())
                .param("expires", SqlTime.of(expiresAt))
                .param("now", SqlTime.of(now))
                .update() == 1;
    }

    /** The developer's notices, newest first, at most {@code limit} from {@code offset}. */
    List<NoticeRow> newest(long developerRef, int limit, int offset) {
        return jdbc.sql("""
                        SELECT n.id, n.kind, n.created_at, n.expires_at, s.seller_id, s.business_name
                        FROM developer_notice n
                        JOIN seller_authorization a ON a.id = n.authorization_ref
                        JOIN seller_account s ON s.id = a.account_id
                        WHERE n.developer_ref = :developer
                        ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset""")
                .param("developer", developerRef)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new NoticeRow(rs.getLong("id"), DeveloperNotices.Kind.valueOf(rs.getString("kind")),
                        SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at"), rs.getString("seller_id"),
                        rs.getString("business_name")))
                .list();
    }

    /**
     * Authorizations marked expired whose expiry (since {@code since}) has no EXPIRED notice yet: the
     * ones whose seller and developer are still to be told.
     */
    List<Long> expiredWithoutNotice(Instant since) {
        return jdbc.sql("""
                        SELECT a.id FROM seller_authorization a
                        WHERE a.status = 'EXPIRED' AND a.expires_at > :since
                          AND NOT EXISTS (SELECT 1 FROM developer_notice n WHERE n.authorization_ref = a.id
                                          AND n.kind = 'EXPIRED' AND n.expires_at = a.expires_at)
                        ORDER BY a.expires_at, a.id""")
                .param("since", SqlTime.of(since))
                .query(Long.class)
                .list();
    }
}
