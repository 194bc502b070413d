package io.openmws.server.sandbox;

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes all sandbox data: every row of every table the migrations made, whatever feature owns it,
 * except the migration history and the platform clock (time only moves forward). Portal sessions go
 * too, so everybody is signed out.
 */
@Service
class SandboxReset {

    private static final Logger log = LoggerFactory.getLogger(SandboxReset.class);
    private static final Set<String> KEPT = Set.of("flyway_schema_history", "platform_clock");

    private final DataSource dataSource;

    SandboxReset(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the names of the tables emptied. */
    @Transactional
    public List<String> reset() {
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
            log.info("Sandbox reset: emptied {} tables", tables.size());
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
