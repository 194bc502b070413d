package io.openmws.server.testing;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each {@link OnBothDatabases} test class a fresh database of this run's kind
 * ({@link TestDatabases#current()}). Registered in {@code META-INF/spring.factories}.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, OnBothDatabases.class)) {
            return null;
        }
        return new FreshDatabase(testClass, TestDatabases.current());
    }

    /**
     * The database of one test class. Equal only for the same class and kind, so Spring's context
     * cache gives each class a context (and a database) of its own, as the class expects.
     */
    private record FreshDatabase(Class<?> testClass, TestDatabases.Kind kind) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestDatabases.Database db = TestDatabases.newDatabase(kind);
            TestPropertyValues.of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
                    "spring.datasource.password=" + db.password()).applyTo(context);
        }
    }
}
