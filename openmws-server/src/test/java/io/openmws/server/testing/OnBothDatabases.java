package io.openmws.server.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Runs a {@code @SpringBootTest} class on both databases: the build runs every test once on H2 and
 * then, in a second surefire execution ({@code openmws-server/pom.xml}, id {@code postgres}), the
 * classes carrying this tag again on a real PostgreSQL. Each class gets a fresh, empty database of
 * its own ({@link TestDatabaseContextCustomizerFactory}); the class must not set
 * {@code spring.datasource.*} itself.
 *
 * <p>From an IDE a class runs on H2; add {@code -Dopenmws.test.database=postgres} for PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(OnBothDatabases.TAG)
public @interface OnBothDatabases {

    /** The JUnit tag the PostgreSQL execution selects. */
    String TAG = "both-databases";
}
