package io.openmws.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The mechanism itself: an annotated class runs on the database its surefire execution chose. */
@SpringBootTest
@OnBothDatabases
class OnBothDatabasesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theClassRunsOnThisRunsDatabaseAndItIsMigrated() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabases.current() == TestDatabases.Kind.POSTGRES ? "PostgreSQL" : "H2");
            try (var tables = c.getMetaData().getTables(null, null, "seller_account", null)) {
                assertThat(tables.next()).isTrue();
            }
        }
    }
}
