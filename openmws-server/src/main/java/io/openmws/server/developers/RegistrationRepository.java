package io.openmws.server.developers;

import io.openmws.protocol.marketplace.Region;
import io.openmws.server.support.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of registrations in progress. Every statement names the account (and region) it touches. */
@Repository
class RegistrationRepository {

    private static final String COLUMNS = """
            id, account_id, region, step, contact_email, email_verified_at, legal_name, business_type, country_code,
            state_or_region, city, postal_code, street, phone, contact_person, website, developer_name, data_use,
            created_at, expires_at""";

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long accountId, Region region, String contactEmail, Instant now, Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO developer_registration (account_id, region, step, contact_email, created_at, updated_at,
                                                            expires_at)
                        VALUES (:account, :region, 'EMAIL', :email, :now, :now, :expires)""")
                .param("account", accountId)
                .param("region", region.name())
                .param("email", contactEmail)
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The account's registration in the region, locked for the rest of the transaction. */
    Optional<Registration> findForUpdate(long accountId, Region region) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM developer_registration WHERE account_id = :account AND region = :region"
                        + " FOR UPDATE")
                .param("account", accountId)
                .param("region", region.name())
                .query(this::registration)
                .optional();
    }

    Optional<Registration> find(long accountId, Region region) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM developer_registration WHERE account_id = :account AND region = :region")
                .param("account", accountId)
                .param("region", region.name())
                .query(this::registration)
                .optional();
    }

    void moveTo(long id, RegistrationStep step, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE developer_registration SET step = :step, updated_at = :now, expires_at = :expires WHERE id = :id")
                .param("step", step.name())
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("id", id)
                .update();
    }

    void emailCodeSent(long id, String contactEmail, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE developer_registration SET contact_email = :email, email_verified_at = NULL, step = 'EMAIL_CODE',
                               updated_at = :now, expires_at = :expires
                        WHERE id = :id""")
                .param("email", contactEmail)
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("id", id)
                .update();
    }

    void emailVerified(long id, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE developer_registration SET email_verified_at = :now, step = 'DETAILS', updated_at = :now,
                               expires_at = :expires
                        WHERE id = :id""")
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("id", id)
                .update();
    }

    void saveDetails(long id, DeveloperDetails d, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        UPDATE developer_registration SET legal_name = :legal, business_type = :type, country_code = :country,
                               state_or_region = :state, city = :city, postal_code = :postal, street = :street,
                               phone = :phone, contact_person = :contact, website = :website, developer_name = :name,
                               data_use = :dataUse, step = 'LICENSE', updated_at = :now, expires_at = :expires
                        WHERE id = :id""")
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
                .param("name", d.developerName())
                .param("dataUse", d.dataUse())
                .param("now", SqlTime.of(now))
                .param("expires", SqlTime.of(expiresAt))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM developer_registration WHERE id = :id").param("id", id).update();
    }

    /** Deletes every registration abandoned until {@code now}, whoever it belongs to; returns how many. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM developer_registration WHERE expires_at <= :now")
                .param("now", SqlTime.of(now))
                .update();
    }

    private Registration registration(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("business_type");
        DeveloperDetails details = type == null ? null : new DeveloperDetails(rs.getString("legal_name"),
                BusinessType.valueOf(type), rs.getString("country_code"), rs.getString("state_or_region"),
                rs.getString("city"), rs.getString("postal_code"), rs.getString("street"), rs.getString("phone"),
                rs.getString("contact_person"), rs.getString("website"), rs.getString("developer_name"),
                rs.getString("data_use"));
        return new Registration(rs.getLong("id"), rs.getLong("account_id"), Region.valueOf(rs.getString("region")),
                RegistrationStep.valueOf(rs.getString("step")), rs.getString("contact_email"),
                SqlTime.read(rs, "email_verified_at"), details, SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "expires_at"));
    }
}
