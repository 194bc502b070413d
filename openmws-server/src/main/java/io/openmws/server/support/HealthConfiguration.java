package io.openmws.server.support;

import javax.sql.DataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health runs a real query. Boot's default asks the driver's {@code isValid()}, which
 * an embedded H2 answers from the session without touching a database that has been closed under it
 * (after an {@code OutOfMemoryError}, say); the query fails there, and readiness goes DOWN. The bean's
 * name makes it the {@code db} contributor, in place of Boot's.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource, "SELECT 1");
    }
}
