package io.openmws.server.sandbox;

import io.openmws.server.support.AccessVersion;
import io.openmws.server.support.BlobStore;
import io.openmws.server.support.Jobs;
import io.openmws.server.support.PlatformClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes all sandbox data: every row of every table the migrations made, whatever feature owns it,
 * except the migration history, the platform clock, the keyset check and the access version (which
 * moves instead), and every stored blob (feed bodies, reports). Portal sessions go too, so everybody is
 * signed out. The platform is then as a fresh start leaves it: the recurring background tasks are
 * scheduled again (their rows went with the rest), and on request the clock is back at real time.
 */
@Service
class SandboxReset {

    private static final Logger log = LoggerFactory.getLogger(SandboxReset.class);
    // The keyset check too: the secrets sealed after a reset are sealed with the same keyset.
    // The access version too: it moves instead (a number that went back could make a node trust what it read before).
    private static final Set<String> KEPT = Set.of("flyway_schema_history", "platform_clock", "platform_keyset_check",
            "access_version");

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final PlatformClock clock;
    private final Jobs jobs;
    private final BlobStore blobs;
    private final AccessVersion accessVersion;

    SandboxReset(DataSource dataSource, PlatformTransactionManager transactions, PlatformClock clock, Jobs jobs,
                 BlobStore blobs, AccessVersion accessVersion) {
        this.accessVersion = accessVersion;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.jobs = jobs;
        this.blobs = blobs;
    }

    /**
     * Empties the tables, then sets the clock back to real time if asked, then schedules the
     * recurring tasks from that time: after the commit, since db-scheduler writes with connections
     * of its own, which would wait for the deleted rows' locks.
     *
     * @return the names of the tables emptied
     */
    public List<String> reset(boolean toRealTime) {
        List<String> tables = transactions.execute(status -> {
            List<String> emptied = emptyTables();
            accessVersion.moved();   // every key, grant and switch a node remembers is gone
            return emptied;
        });
        try {
            // After the rows that named them: a blob no row names is only unreachable, never a dangling row.
            blobs.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the stored feed files", e);
        }
        if (toRealTime) {
            clock.resetToRealTime();
        }
        jobs.scheduleRecurring();
        log.info("Sandbox reset: emptied {} tables{}; recurring tasks scheduled", tables.size(),
                toRealTime ? ", clock back at real time" : "");
        return tables;
    }

    private List<String> emptyTables() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            List<String> tables = tables(connection);
            if (tables.isEmpty()) {
                return tables;
            }
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                statement.execute("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            } else {
                // H2: foreign keys are checked per statement, so switch them off around the deletes.
                statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                try {
                    for (String table : tables) {
                        statement.execute("DELETE FROM " + table);
                    }
                } finally {
                    statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset the sandbox data", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                    names.add(name);
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }
}
