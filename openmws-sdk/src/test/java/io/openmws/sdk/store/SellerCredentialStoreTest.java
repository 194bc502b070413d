package io.openmws.sdk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.internal.SecretSeal;
import io.openmws.sdk.internal.UrlDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC credential store, each rule on H2 and on a real PostgreSQL. */
class SellerCredentialStoreTest {

    private static final String TOKEN_A = "amzn.mws.4ea38b7b-f563-7709-4bae-87aea0e1d3c2";
    private static final String TOKEN_B = "amzn.mws.0f0e0d0c-0b0a-4909-8807-060504030201";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return new UrlDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() throws Exception {
            synchronized (SellerCredentialStoreTest.class) {
                if (postgres == null) {
                    postgres = EmbeddedPostgres.start();
                }
            }
            String name = "store" + DATABASES.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        }
    }

    abstract static class Contract {

        @TempDir
        Path dir;
        DataSource database;
        JdbcSellerCredentialStore store;

        abstract DataSource freshDatabase() throws Exception;

        @BeforeEach
        void open() throws Exception {
            database = freshDatabase();
            store = JdbcSellerCredentialStore.builder().dataSource(database).keysetFile(dir.resolve("keyset.json"))
                    .clock(CLOCK).build();
        }

        static StoredSeller.Builder seller(String sellerId, String token) {
            return StoredSeller.builder(sellerId).name("Seller " + sellerId).mwsAuthToken(token)
                    .marketplaceIds(List.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2")).authorizedOn(TODAY.minusMonths(1));
        }

        @Test
        void sellersAreAddedReadAndListed() {
            StoredSeller b = seller("A2986ZQ066CH2F", TOKEN_B).build();
            StoredSeller a = seller("A22UNWHFCIE1IF", TOKEN_A).build();
            StoredSeller own = StoredSeller.builder("A1OWNACCOUNT01").marketplaceIds(List.of("ATVPDKIKX0DER"))
                    .authorizedOn(TODAY).build();

            store.add(b);
            store.add(a);
            store.add(own);

            assertThat(store.get("A22UNWHFCIE1IF")).hasValue(a);
            assertThat(store.get("A22UNWHFCIE1IF").orElseThrow().access().mwsAuthToken()).hasValue(TOKEN_A);
            assertThat(store.get("A22UNWHFCIE1IF").orElseThrow().expiresOn()).isEqualTo(TODAY.minusMonths(1).plusMonths(12));
            assertThat(store.get("A1OWNACCOUNT01").orElseThrow().access().isSelfAccess()).isTrue();
            assertThat(store.get("A1OWNACCOUNT01").orElseThrow().name()).isEqualTo("A1OWNACCOUNT01");
            assertThat(store.list()).extracting(StoredSeller::sellerId)
                    .containsExactly("A1OWNACCOUNT01", "A22UNWHFCIE1IF", "A2986ZQ066CH2F");
            assertThat(store.list()).allSatisfy(s -> assertThat(s.status()).isEqualTo(SellerStatus.ACTIVE));
            assertThat(store.get("A9NOTSTORED00")).isEmpty();
        }

        @Test
        void sellersAreUpdatedAndRemoved() {
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());

            store.update(store.get("A22UNWHFCIE1IF").orElseThrow().toBuilder().mwsAuthToken(TOKEN_B)
                    .marketplaceIds(List.of("A2Q3Y263D00KWC")).name("Acme Brazil").build());

            StoredSeller updated = store.get("A22UNWHFCIE1IF").orElseThrow();
            assertThat(updated.access().mwsAuthToken()).hasValue(TOKEN_B);
            assertThat(updated.marketplaceIds()).containsExactly("A2Q3Y263D00KWC");
            assertThat(updated.name()).isEqualTo("Acme Brazil");
            assertThatThrownBy(() -> store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build()))
                    .isInstanceOf(CredentialStoreException.class).hasMessageContaining("use update(");
            assertThatThrownBy(() -> store.update(seller("A9NOTSTORED00", TOKEN_A).build()))
                    .isInstanceOf(CredentialStoreException.class).hasMessageContaining("use add(");
            assertThat(store.remove("A22UNWHFCIE1IF")).isTrue();
            assertThat(store.remove("A22UNWHFCIE1IF")).isFalse();
            assertThat(store.list()).isEmpty();
        }

        @Test
        void tokensAndTheSecretAreCiphertextAtRest() throws SQLException {
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());
            store.saveDeveloperCredentials(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", SECRET));

            byte[] token = column("SELECT mws_auth_token FROM sdk_seller WHERE seller_id = 'A22UNWHFCIE1IF'");
            byte[] secret = column("SELECT secret_key FROM sdk_developer_credentials");

            assertThat(token).hasSizeGreaterThan(TOKEN_A.length());
            assertThat(new String(token, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN_A).doesNotContain("amzn.mws")
                    .doesNotContain("4ea38b7b");
            assertThat(new String(secret, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("EXAMPLEKEY");
            assertThat(store.developerCredentials()).hasValue(DeveloperCredentials.of("AKIAIOSFODNN7EXAMPLE", SECRET));
            assertThat(store.toString()).doesNotContain(SECRET);
            assertThat(store.get("A22UNWHFCIE1IF").orElseThrow().toString()).doesNotContain(TOKEN_A).contains("token redacted");
        }

        @Test
        void aTokenCopiedIntoAnotherRowDoesNotOpen() throws SQLException {
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());
            store.add(seller("A2986ZQ066CH2F", TOKEN_B).build());
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE sdk_seller SET mws_auth_token = (SELECT mws_auth_token FROM sdk_seller"
                        + " WHERE seller_id = 'A22UNWHFCIE1IF') WHERE seller_id = 'A2986ZQ066CH2F'");
            }

            assertThatThrownBy(() -> store.get("A2986ZQ066CH2F")).isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining("does not open").hasMessageNotContaining(TOKEN_A);
        }

        @Test
        void oneToFiveMarketplacesAreEnforced() {
            assertThatThrownBy(() -> seller("A22UNWHFCIE1IF", TOKEN_A).marketplaceIds(List.of()).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 5");
            assertThatThrownBy(() -> seller("A22UNWHFCIE1IF", TOKEN_A).marketplaceIds(List.of("A1PA6795UKMFR9",
                    "A1RKKUPIHCS9HS", "A13V1IB3VIYZZH", "AMEN7PMS3EDWL", "A1F83G8C2ARO7P", "APJ6JRA9NG5V4")).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 5");
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).marketplaceIds(List.of("A1PA6795UKMFR9", "A1RKKUPIHCS9HS",
                    "A13V1IB3VIYZZH", "AMEN7PMS3EDWL", "A1F83G8C2ARO7P")).build());

            assertThat(store.get("A22UNWHFCIE1IF").orElseThrow().marketplaceIds()).hasSize(5);
        }

        @Test
        void theExpiryFilterListsWhatExpiresWithinTheDaysExpiredOnesIncluded() {
            store.add(seller("A1EXPIRED0001", TOKEN_A).authorizedOn(LocalDate.parse("2025-05-01")).build());
            store.add(seller("A1SOON0000001", TOKEN_B).authorizedOn(LocalDate.parse("2025-06-10")).build());
            store.add(seller("A1LATER000001", TOKEN_B).authorizedOn(LocalDate.parse("2025-12-01")).build());
            store.add(seller("A1TODAY000001", TOKEN_B).authorizedOn(LocalDate.parse("2025-06-01")).build());

            assertThat(store.listExpiringWithin(30)).extracting(StoredSeller::sellerId)
                    .containsExactly("A1EXPIRED0001", "A1TODAY000001", "A1SOON0000001");
            assertThat(store.listExpiringWithin(8)).extracting(StoredSeller::sellerId)
                    .containsExactly("A1EXPIRED0001", "A1TODAY000001");
            assertThat(store.listExpiringWithin(9)).extracting(StoredSeller::sellerId).contains("A1SOON0000001");
            assertThat(store.get("A1EXPIRED0001").orElseThrow().status()).isEqualTo(SellerStatus.EXPIRED);
            assertThat(store.get("A1TODAY000001").orElseThrow().status()).isEqualTo(SellerStatus.EXPIRED);
            assertThat(store.get("A1SOON0000001").orElseThrow().status()).isEqualTo(SellerStatus.ACTIVE);
            assertThat(store.get("A1SOON0000001").orElseThrow().expiresOn()).isEqualTo(LocalDate.parse("2026-06-10"));
            assertThatThrownBy(() -> store.listExpiringWithin(-1)).hasMessageContaining("0 or more");
        }

        @Test
        void aSellerIsMarkedAsNeedingReauthorizationAndARenewalClearsIt() {
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());

            assertThat(store.markNeedsReauthorization("A22UNWHFCIE1IF", "AccessDenied on Sellers/ListMarketplaceParticipations"))
                    .isTrue();
            StoredSeller marked = store.get("A22UNWHFCIE1IF").orElseThrow();
            assertThat(marked.status()).isEqualTo(SellerStatus.NEEDS_REAUTHORIZATION);
            assertThat(marked.statusReason()).hasValue("AccessDenied on Sellers/ListMarketplaceParticipations");
            assertThat(store.markNeedsReauthorization("A9NOTSTORED00", "whatever")).isFalse();

            store.update(marked.toBuilder().mwsAuthToken(TOKEN_B).authorizedOn(TODAY).status(SellerStatus.ACTIVE)
                    .statusReason(null).build());

            StoredSeller renewed = store.get("A22UNWHFCIE1IF").orElseThrow();
            assertThat(renewed.status()).isEqualTo(SellerStatus.ACTIVE);
            assertThat(renewed.statusReason()).isEmpty();
            assertThat(renewed.expiresOn()).isEqualTo(TODAY.plusMonths(12));
        }

        @Test
        void anotherKeysetCannotOpenTheTokensAndTheSameOneCan() {
            store.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());

            JdbcSellerCredentialStore sameKeyset = JdbcSellerCredentialStore.builder().dataSource(database)
                    .keysetFile(dir.resolve("keyset.json")).clock(CLOCK).build();
            JdbcSellerCredentialStore otherKeyset = JdbcSellerCredentialStore.builder().dataSource(database)
                    .keysetJson(SecretSeal.newKeysetJson()).clock(CLOCK).build();

            assertThat(sameKeyset.get("A22UNWHFCIE1IF").orElseThrow().access().mwsAuthToken()).hasValue(TOKEN_A);
            assertThatThrownBy(() -> otherKeyset.get("A22UNWHFCIE1IF")).isInstanceOf(CredentialStoreException.class)
                    .hasMessageContaining("does not open");
        }

        @Test
        void theStoreKeepsItsOwnMigrationHistoryBesideAnotherApplications() throws Exception {
            DataSource shared = freshDatabase();
            try (Connection c = shared.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50))");
                s.execute("INSERT INTO flyway_schema_history VALUES (1, '42')");
                s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
            }

            JdbcSellerCredentialStore beside = JdbcSellerCredentialStore.builder().dataSource(shared)
                    .keysetJson(SecretSeal.newKeysetJson()).build();
            beside.add(seller("A22UNWHFCIE1IF", TOKEN_A).build());

            try (Connection c = shared.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            try (Connection c = shared.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + JdbcSellerCredentialStore.HISTORY_TABLE + "\""
                         + " WHERE \"version\" = '1' AND \"success\"")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            assertThat(beside.list()).hasSize(1);
        }

        byte[] column(String sql) throws SQLException {
            try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                 ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }

    @Test
    void aGeneratedKeysetFileIsOwnerOnly(@TempDir Path dir) throws IOException {
        Path keyset = dir.resolve("nested").resolve("sellers.keyset.json");

        JdbcSellerCredentialStore.builder().url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .keysetFile(keyset).build();

        assertThat(keyset).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
        assertThat(Files.readString(keyset)).contains("AesGcmKey");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileThatSurvivesReopening(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("openmws-sellers");
        Path keyset = dir.resolve("keyset.json");
        JdbcSellerCredentialStore.builder().url(url).keysetFile(keyset).build()
                .add(Contract.seller("A22UNWHFCIE1IF", TOKEN_A).build());

        JdbcSellerCredentialStore reopened = JdbcSellerCredentialStore.builder().url(url).keysetFile(keyset).build();

        assertThat(reopened.get("A22UNWHFCIE1IF").orElseThrow().access().mwsAuthToken()).hasValue(TOKEN_A);
        assertThat(JdbcSellerCredentialStore.DEFAULT_URL).startsWith("jdbc:h2:file:./data/")
                .endsWith(";WRITE_DELAY=0");   // a credential added before a crash is kept
        assertThat(reopened.toString()).contains("openmws-sellers");
    }

    @Test
    void conflictingSettingsAreRefused() {
        assertThatThrownBy(() -> JdbcSellerCredentialStore.builder().url("jdbc:h2:mem:x")
                .dataSource(new UrlDataSource("jdbc:h2:mem:y", null, null)).build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> JdbcSellerCredentialStore.builder().keysetJson("{}").keysetFile(Path.of("k")).build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> JdbcSellerCredentialStore.builder().keysetJson("{\"not\":\"a keyset\"}")
                .url("jdbc:h2:mem:z").build()).hasMessageContaining("Not a Tink AEAD keyset")
                .hasMessageNotContaining("not\":");
    }
}
