package io.openmws.sdk.store;

import io.openmws.protocol.ids.AccessKeyId;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.internal.SecretSeal;
import io.openmws.sdk.internal.UrlDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The credential store in a relational database: an H2 file by default ({@code ./data/openmws-sellers}),
 * PostgreSQL (or any database both Flyway and this SQL support) by URL or {@link DataSource}.
 *
 * <p>Building the store migrates its schema with Flyway, from its own location
 * ({@code io/openmws/sdk/store/migration}) into its own history table ({@code openmws_sdk_schema_history}),
 * so it can share a database with another application's migrations, the platform's included.
 *
 * <p>MWS Auth Tokens and the Secret Key are sealed with a Tink AEAD keyset, each bound to its row. The
 * keyset is, in this order: the JSON given to {@link Builder#keysetJson}; the file given to
 * {@link Builder#keysetFile}; the environment variable {@value #KEYSET_ENV}; or
 * {@code ./data/openmws-sellers.keyset.json}. What the program says wins over the environment, so that
 * two stores of one program (the CLI's profiles) never take one keyset for another. A file that does not exist is generated (AES-256-GCM,
 * owner-only). Back it up with the database: without it, stored tokens cannot be opened.
 *
 * <p>Thread-safe: every operation takes its own connection. {@link #toString()} shows no secret.
 */
public final class JdbcSellerCredentialStore implements SellerCredentialStore {

    /** The environment variable that may hold the keyset's JSON. */
    public static final String KEYSET_ENV = "OPENMWS_SDK_KEYSET";
    /** The default database: an H2 file under {@code ./data}, each commit written before it returns. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/openmws-sellers;WRITE_DELAY=0";
    /** The default keyset file. */
    public static final Path DEFAULT_KEYSET_FILE = Path.of("data", "openmws-sellers.keyset.json");
    /** Flyway's history table of this store. */
    public static final String HISTORY_TABLE = "openmws_sdk_schema_history";

    private static final String COLUMNS =
            "seller_id, name, mws_auth_token, marketplace_ids, authorized_on, status, status_reason";

    private final DataSource dataSource;
    private final SecretSeal seal;
    private final Clock clock;
    private final String description;

    private JdbcSellerCredentialStore(DataSource dataSource, SecretSeal seal, Clock clock, String description) {
        this.dataSource = dataSource;
        this.seal = seal;
        this.clock = clock;
        this.description = description;
    }

    /** A builder; with no settings, the H2 file and keyset file under {@code ./data}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void add(StoredSeller seller) {
        Objects.requireNonNull(seller, "seller");
        run("add seller " + seller.sellerId(), c -> {
            if (exists(c, seller.sellerId())) {
                throw new CredentialStoreException("Seller " + seller.sellerId() + " is stored already; use update(...)"
                        + " to change it");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sdk_seller (" + COLUMNS + ", expires_on,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(s, seller);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void update(StoredSeller seller) {
        Objects.requireNonNull(seller, "seller");
        int rows = run("update seller " + seller.sellerId(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE sdk_seller SET seller_id = ?, name = ?,"
                    + " mws_auth_token = ?, marketplace_ids = ?, authorized_on = ?, status = ?, status_reason = ?,"
                    + " expires_on = ?, updated_at = ? WHERE seller_id = ?")) {
                bind(s, seller);
                s.setString(10, seller.sellerId());
                return s.executeUpdate();
            }
        });
        if (rows == 0) {
            throw new CredentialStoreException("Seller " + seller.sellerId() + " is not stored; use add(...) first");
        }
    }

    @Override
    public boolean remove(String sellerId) {
        return run("remove seller " + sellerId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sdk_seller WHERE seller_id = ?")) {
                s.setString(1, sellerId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<StoredSeller> get(String sellerId) {
        List<StoredSeller> found = query("read seller " + sellerId, "WHERE seller_id = ?", s -> s.setString(1, sellerId));
        return found.stream().findFirst();
    }

    @Override
    public List<StoredSeller> list() {
        return query("list sellers", "ORDER BY seller_id", s -> { });
    }

    @Override
    public List<StoredSeller> listExpiringWithin(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days counts from today and is 0 or more; got " + days);
        }
        LocalDate until = today().plusDays(days);
        return query("list sellers expiring by " + until, "WHERE expires_on <= ? ORDER BY expires_on, seller_id",
                s -> s.setDate(1, Date.valueOf(until)));
    }

    @Override
    public boolean markNeedsReauthorization(String sellerId, String reason) {
        String why = reason == null || reason.isBlank() ? "marked by the program" : reason.strip();
        return run("mark seller " + sellerId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE sdk_seller SET status = 'NEEDS_REAUTHORIZATION',"
                    + " status_reason = ?, updated_at = ? WHERE seller_id = ?")) {
                s.setString(1, why.length() > 500 ? why.substring(0, 500) : why);
                s.setObject(2, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                s.setString(3, sellerId);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void saveDeveloperCredentials(DeveloperCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        String keyId = credentials.accessKeyId().value();
        run("save the developer credentials", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sdk_developer_credentials");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO sdk_developer_credentials"
                         + " (id, access_key_id, secret_key, updated_at) VALUES (1, ?, ?, ?)")) {
                c.setAutoCommit(false);
                try {
                    delete.executeUpdate();
                    insert.setString(1, keyId);
                    insert.setBytes(2, seal.seal(credentials.secretKey().reveal(), developerContext(keyId)));
                    insert.setObject(3, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                    insert.executeUpdate();
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<DeveloperCredentials> developerCredentials() {
        return run("read the developer credentials", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT access_key_id, secret_key FROM sdk_developer_credentials WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.<DeveloperCredentials>empty();
                }
                String keyId = r.getString(1);
                String secret = seal.open(r.getBytes(2), developerContext(keyId));
                return Optional.of(DeveloperCredentials.of(AccessKeyId.of(keyId), SecretKey.of(secret)));
            }
        });
    }

    private static String sellerContext(String sellerId) {
        return "sdk_seller/" + sellerId + "/mws_auth_token";
    }

    private static String developerContext(String accessKeyId) {
        return "sdk_developer_credentials/" + accessKeyId + "/secret_key";
    }

    private void bind(PreparedStatement s, StoredSeller seller) throws SQLException {
        s.setString(1, seller.sellerId());
        s.setString(2, seller.name());
        byte[] token = seller.access().mwsAuthToken().map(t -> seal.seal(t, sellerContext(seller.sellerId()))).orElse(null);
        s.setBytes(3, token);
        s.setString(4, String.join(",", seller.marketplaceIds()));
        s.setDate(5, Date.valueOf(seller.authorizedOn()));
        s.setString(6, seller.status().name());
        s.setString(7, seller.statusReason().orElse(null));
        s.setDate(8, Date.valueOf(seller.expiresOn()));
        s.setObject(9, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    private List<StoredSeller> query(String what, String where, Binder binder) {
        return run(what, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM sdk_seller " + where)) {
                binder.bind(s);
                List<StoredSeller> sellers = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sellers.add(read(r));
                    }
                }
                return sellers;
            }
        });
    }

    private StoredSeller read(ResultSet r) throws SQLException {
        String sellerId = r.getString("seller_id");
        byte[] sealed = r.getBytes("mws_auth_token");
        StoredSeller.Builder b = StoredSeller.builder(sellerId)
                .name(r.getString("name"))
                .mwsAuthToken(sealed == null ? null : seal.open(sealed, sellerContext(sellerId)))
                .marketplaceIds(Arrays.asList(r.getString("marketplace_ids").split(",")))
                .authorizedOn(r.getDate("authorized_on").toLocalDate())
                .status(SellerStatus.valueOf(r.getString("status")))
                .statusReason(r.getString("status_reason"));
        StoredSeller stored = b.build();
        if (stored.status() == SellerStatus.ACTIVE && !today().isBefore(stored.expiresOn())) {
            return b.buildWithStatus(SellerStatus.EXPIRED);
        }
        return stored;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static boolean exists(Connection c, String sellerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sdk_seller WHERE seller_id = ?")) {
            s.setString(1, sellerId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CredentialStoreException("Could not " + what + " in " + description + ": " + e.getMessage(), e);
        } catch (SecretSeal.SealBroken e) {
            throw new CredentialStoreException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcSellerCredentialStore[" + description + ", keyset redacted]";
    }

    /** Collects the settings of a {@link JdbcSellerCredentialStore}. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private Path keysetFile;
        private String keysetJson;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The database by JDBC URL, e.g. {@code jdbc:postgresql://db:5432/integrator}; H2 file by default. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The database account for {@link #url}. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The database as a data source (a pool, say), instead of a URL. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The keyset file; generated (owner-only) when it does not exist. */
        public Builder keysetFile(Path keysetFile) {
            this.keysetFile = Objects.requireNonNull(keysetFile, "keysetFile");
            return this;
        }

        /** The keyset's JSON itself (from a secret manager, say), instead of a file. */
        public Builder keysetJson(String keysetJson) {
            this.keysetJson = Objects.requireNonNull(keysetJson, "keysetJson");
            return this;
        }

        /** The clock that says what "today" is for expiry; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the store: loads (or generates) the keyset and migrates the schema.
         *
         * @throws IllegalStateException for conflicting settings
         * @throws CredentialStoreException when the database cannot be migrated
         */
        public JdbcSellerCredentialStore build() {
            if (url != null && dataSource != null) {
                throw new IllegalStateException("Give the database either as url(...) or as dataSource(...), not both");
            }
            if (keysetJson != null && keysetFile != null) {
                throw new IllegalStateException("Give the keyset either as keysetJson(...) or as keysetFile(...), not both");
            }
            DataSource ds = dataSource != null ? dataSource : new UrlDataSource(url == null ? DEFAULT_URL : url, user, password);
            String description = dataSource != null ? "the given DataSource" : ds.toString();
            SecretSeal seal = seal();
            try {
                Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:io/openmws/sdk/store/migration")
                        .table(HISTORY_TABLE)
                        // a database that already holds another application's tables: start this history at 0
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            } catch (RuntimeException e) {
                throw new CredentialStoreException("Could not migrate the credential store's schema in " + description
                        + ": " + e.getMessage(), e);
            }
            return new JdbcSellerCredentialStore(ds, seal, clock, description);
        }

        private SecretSeal seal() {
            if (keysetJson != null) {
                return SecretSeal.of(keysetJson);
            }
            if (keysetFile != null) {
                return SecretSeal.fromFile(keysetFile);
            }
            String fromEnvironment = System.getenv(KEYSET_ENV);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return SecretSeal.of(fromEnvironment);
            }
            return SecretSeal.fromFile(DEFAULT_KEYSET_FILE);
        }
    }
}
