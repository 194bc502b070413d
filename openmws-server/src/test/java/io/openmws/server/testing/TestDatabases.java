package io.openmws.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two databases every database-touching test runs on: H2 in PostgreSQL mode (the embedded
 * default) and a real PostgreSQL that the test run starts itself. Each call hands out a fresh,
 * empty database, so test classes never see each other's rows.
 *
 * <p>A test class annotated {@link OnBothDatabases} gets its database from here without asking:
 * {@link #current()} says which one this test run uses.
 */
public final class TestDatabases {

    /** The system property that chooses the database of {@link OnBothDatabases} classes. */
    public static final String PROPERTY = "openmws.test.database";

    /** The databases a test can run on. */
    public enum Kind {
        H2,
        POSTGRES
    }

    /**
     * The database of this test run: {@code -Dopenmws.test.database=postgres} chooses PostgreSQL
     * (the build's second surefire execution sets it); anything else, or nothing, is H2.
     */
    public static Kind current() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip()) ? Kind.POSTGRES : Kind.H2;
    }

    /** A fresh, empty database of the given kind. */
    public static Database newDatabase(Kind kind) {
        return kind == Kind.POSTGRES ? newPostgresDatabase() : newH2Database();
    }

    /** A fresh in-memory H2 database, configured as the server's default file database. */
    public static Database newH2Database() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new Database("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** Registers a fresh in-memory H2 database, configured as the server's default file database. */
    public static void h2(DynamicPropertyRegistry registry) {
        Database db = newH2Database();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /** How to reach a database: what {@code spring.datasource.*} needs. */
    public record Database(String url, String username, String password) {
        /** The same as command-line arguments for a Spring Boot application. */
        public String[] asArguments() {
            return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password};
        }
    }

    /** Registers a fresh database in the run's embedded PostgreSQL, starting it on first use. */
    public static void postgres(DynamicPropertyRegistry registry) {
        Database db = newPostgresDatabase();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /** A fresh, empty database in the run's embedded PostgreSQL, for tests that start servers by hand. */
    public static Database newPostgresDatabase() {
        EmbeddedPostgres pg = embeddedPostgres();
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new Database(pg.getJdbcUrl("postgres", name), "postgres", "");
    }

    private static synchronized EmbeddedPostgres embeddedPostgres() {
        if (postgres == null) {
            try {
                // Every cached Spring context keeps a connection pool open on this one server, so it takes
                // more clients than PostgreSQL's default 100 (a run of 30-odd contexts was refused with
                // "sorry, too many clients already").
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "500").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The process is ending; the data directory is temporary anyway.
                }
            }));
        }
        return postgres;
    }
}
