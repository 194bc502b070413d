package io.openmws.server.developers;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.DeveloperId;
import io.openmws.protocol.marketplace.Region;
import io.openmws.server.support.AccessVersion;
import io.openmws.server.support.ListFilter;
import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of registered developers and their access keys. Key statements always name the developer too. */
@Repository
class DeveloperRepository {

    /** A key's sealed secret, whatever the key's state. */
    record StoredSecret(AccessKeyId accessKeyId, byte[] secretSealed) {
        @Override
        public String toString() {
            return "StoredSecret[accessKeyId=" + accessKeyId + ", sealed secret redacted]";
        }
    }

    /** The sealed secret of a key that may sign, with what the gateway needs to know about its owner. */
    record SealedKey(AccessKeyId accessKeyId, byte[] secretSealed, DeveloperId developerId, Region region,
                     String developerSellerId) {
        @Override
        public String toString() {
            return "SealedKey[accessKeyId=" + accessKeyId + ", sealed secret redacted]";
        }
    }

    private static final String DEVELOPER_COLUMNS = """
            id, developer_id, account_id, region, developer_name, status, contact_email, license_version,
            license_accepted_at, registered_at""";

    private final JdbcClient jdbc;
    private final AccessVersion accessVersion;

    DeveloperRepository(JdbcClient jdbc, AccessVersion accessVersion) {
        this.jdbc = jdbc;
        this.accessVersion = accessVersion;
    }

    /** Registers a developer from a completed registration; returns its row number. */
    long insert(DeveloperId developerId, long accountId, Region region, String contactEmail, DeveloperDetails d,
                String licenseVersion, String clientIp, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO developer (developer_id, account_id, region, developer_name, developer_name_normalized,
                                               status, contact_email, legal_name, business_type, country_code,
                                               state_or_region, city, postal_code, street, phone, contact_person, website,
                                               data_use, license_version, license_accepted_at, license_accepted_by,
                                               license_accepted_from, registered_at)
                        VALUES (:developerId, :account, :region, :name, :normalized, 'ACTIVE', :email, :legal, :type,
                                :country, :state, :city, :postal, :street, :phone, :contact, :website, :dataUse,
                                :license, :now, :account, :ip, :now)""")
                .param("developerId", developerId.digits())
                .param("account", accountId)
                .param("region", region.name())
                .param("name", d.developerName())
                .param("normalized", DetailsRules.normalizedName(d.developerName()))
                .param("email", contactEmail)
                .param("legal", d.legalName())
                .param("type", d.businessType().name())
                .param("country", d.countryCode())
                .param("state", d.stateOrRegion())
                .param("city", d.city())
                .param("postal", d.postalCode())
                .param("street", d.street())
                .param("phone", d.phone())
                .param("contact", d.contactPerson())
                .param("website", d.website())
                .param("dataUse", d.dataUse())
                .param("license", licenseVersion)
                .param("ip", clientIp)
                .param("now", SqlTime.of(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Developer> findByAccount(long accountId, Region region) {
        return jdbc.sql("SELECT " + DEVELOPER_COLUMNS + " FROM developer WHERE account_id = :account AND region = :region")
                .param("account", accountId)
                .param("region", region.name())
                .query(this::developer)
                .optional();
    }

    /** The account's developer, its row locked until the transaction ends (serializes key changes). */
    Optional<Developer> findByAccountForUpdate(long accountId, Region region) {
        return jdbc.sql("SELECT " + DEVELOPER_COLUMNS + " FROM developer WHERE account_id = :account AND region = :region"
                        + " FOR UPDATE")
                .param("account", accountId)
                .param("region", region.name())
                .query(this::developer)
                .optional();
    }

    Optional<Developer> findByDeveloperId(String developerId) {
        return jdbc.sql("SELECT " + DEVELOPER_COLUMNS + " FROM developer WHERE developer_id = :developerId")
                .param("developerId", developerId)
                .query(this::developer)
                .optional();
    }

    boolean keyExists(String accessKeyId) {
        return jdbc.sql("SELECT count(*) FROM developer_access_key WHERE access_key_id = :key")
                .param("key", accessKeyId)
                .query(Long.class)
                .single() > 0;
    }

    boolean nameTaken(Region region, String developerName) {
        return jdbc.sql("SELECT count(*) FROM developer WHERE region = :region AND developer_name_normalized = :name")
                .param("region", region.name())
                .param("name", DetailsRules.normalizedName(developerName))
                .query(Long.class)
                .single() > 0;
    }

    List<AccessKey> keys(long developerRef) {
        return jdbc.sql("""
                        SELECT access_key_id, status, created_at, last_used_at FROM developer_access_key
                        WHERE developer_ref = :developer ORDER BY created_at, access_key_id""")
                .param("developer", developerRef)
                .query((rs, n) -> new AccessKey(AccessKeyId.of(rs.getString("access_key_id")),
                        KeyStatus.valueOf(rs.getString("status")), SqlTime.read(rs, "created_at"),
                        SqlTime.read(rs, "last_used_at")))
                .list();
    }

    void insertKey(long developerRef, AccessKeyId accessKeyId, byte[] secretSealed, Instant now) {
        jdbc.sql("""
                        INSERT INTO developer_access_key (access_key_id, developer_ref, secret_sealed, status, created_at,
                                                          status_changed_at)
                        VALUES (:id, :developer, :sealed, 'ACTIVE', :now, :now)""")
                .param("id", accessKeyId.value())
                .param("developer", developerRef)
                .param("sealed", secretSealed)
                .param("now", SqlTime.of(now))
                .update();
        accessVersion.moved();
    }

    /** Moves one of the developer's keys from one status to the other; false when it was not in {@code from}. */
    boolean changeKeyStatus(long developerRef, String accessKeyId, KeyStatus from, KeyStatus to, Instant now) {
        return accessVersion.movedIf(jdbc.sql("""
                        UPDATE developer_access_key SET status = :to, status_changed_at = :now
                        WHERE access_key_id = :id AND developer_ref = :developer AND status = :from""")
                .param("to", to.name())
                .param("now", SqlTime.of(now))
                .param("id", accessKeyId)
                .param("developer", developerRef)
                .param("from", from.name())
                .update() == 1);
    }

    /** Deletes one of the developer's keys, only if inactive; false otherwise. */
    boolean deleteInactiveKey(long developerRef, String accessKeyId) {
        return accessVersion.movedIf(jdbc.sql("""
                        DELETE FROM developer_access_key
                        WHERE access_key_id = :id AND developer_ref = :developer AND status = 'INACTIVE'""")
                .param("id", accessKeyId)
                .param("developer", developerRef)
                .update() == 1);
    }

    /** Any access key's id and sealed secret (the first by id, through the primary key), if a key exists. */
    Optional<StoredSecret> anySealedSecret() {
        return jdbc.sql("SELECT access_key_id, secret_sealed FROM developer_access_key ORDER BY access_key_id LIMIT 1")
                .query((rs, n) -> new StoredSecret(AccessKeyId.of(rs.getString("access_key_id")),
                        rs.getBytes("secret_sealed")))
                .optional();
    }

    /** An active key of an active developer whose seller account is active, with its sealed secret. */
    Optional<SealedKey> activeKey(String accessKeyId) {
        return jdbc.sql("""
                        SELECT k.access_key_id, k.secret_sealed, d.developer_id, d.region, a.seller_id
                        FROM developer_access_key k
                        JOIN developer d ON d.id = k.developer_ref
                        JOIN seller_account a ON a.id = d.account_id
                        WHERE k.access_key_id = :id AND k.status = 'ACTIVE' AND d.status = 'ACTIVE' AND a.status = 'ACTIVE'""")
                .param("id", accessKeyId)
                .query((rs, n) -> new SealedKey(AccessKeyId.of(rs.getString("access_key_id")),
                        rs.getBytes("secret_sealed"), new DeveloperId(rs.getString("developer_id")),
                        Region.valueOf(rs.getString("region")), rs.getString("seller_id")))
                .optional();
    }

    /**
     * Moves the developer from one status to the other, recording when, by whom and why; false when it
     * was not in {@code from}.
     */
    boolean changeStatus(long ref, DeveloperStatus from, DeveloperStatus to, Instant now, String by, String reason) {
        return accessVersion.movedIf(jdbc.sql("""
                        UPDATE developer SET status = :to, status_changed_at = :now, status_changed_by = :by,
                                             status_reason = :reason
                        WHERE id = :ref AND status = :from""")
                .param("to", to.name())
                .param("now", SqlTime.of(now))
                .param("by", by)
                .param("reason", reason)
                .param("ref", ref)
                .param("from", from.name())
                .update() == 1);
    }

    /**
     * The newest developers matching the operator's filter (Developer ID, the Seller ID or part of the
     * email of the account that registered), newest first, at most {@code limit}.
     */
    List<DeveloperListing> newest(ListFilter filter, int limit) {
        String where = filter.none() ? "" : " WHERE d.developer_id = :digits OR a.seller_id = :sellerId"
                + " OR a.email_normalized LIKE :email ESCAPE '\\'";
        var statement = jdbc.sql("""
                        SELECT d.developer_id, d.developer_name, a.seller_id, a.email, d.region, d.status,
                               d.registered_at, d.status_changed_at, d.status_changed_by, d.status_reason
                        FROM developer d JOIN seller_account a ON a.id = d.account_id""" + where
                        + " ORDER BY d.registered_at DESC, d.id DESC LIMIT :limit")
                .param("limit", limit);
        if (!filter.none()) {
            statement = statement.param("digits", filter.developerDigits() == null ? "" : filter.developerDigits())
                    .param("sellerId", filter.sellerId())
                    .param("email", filter.emailLike());
        }
        return statement.query((rs, n) -> new DeveloperListing(new DeveloperId(rs.getString("developer_id")),
                        rs.getString("developer_name"), rs.getString("seller_id"), rs.getString("email"),
                        Region.valueOf(rs.getString("region")), DeveloperStatus.valueOf(rs.getString("status")),
                        SqlTime.read(rs, "registered_at"), SqlTime.read(rs, "status_changed_at"),
                        rs.getString("status_changed_by"), rs.getString("status_reason")))
                .list();
    }

    long count(DeveloperStatus status) {
        return jdbc.sql("SELECT count(*) FROM developer WHERE status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    /** Sets "last used" to {@code now} unless it is already at or after {@code notBefore}. */
    void markUsed(String accessKeyId, Instant now, Instant notBefore) {
        jdbc.sql("""
                        UPDATE developer_access_key SET last_used_at = :now
                        WHERE access_key_id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)""")
                .param("now", SqlTime.of(now))
                .param("id", accessKeyId)
                .param("notBefore", SqlTime.of(notBefore))
                .update();
    }

    private Developer developer(ResultSet rs, int row) throws SQLException {
        return new Developer(rs.getLong("id"), new DeveloperId(rs.getString("developer_id")), rs.getLong("account_id"),
                Region.valueOf(rs.getString("region")), rs.getString("developer_name"),
                DeveloperStatus.valueOf(rs.getString("status")), rs.getString("contact_email"),
                rs.getString("license_version"), SqlTime.read(rs, "license_accepted_at"),
                SqlTime.read(rs, "registered_at"));
    }
}
