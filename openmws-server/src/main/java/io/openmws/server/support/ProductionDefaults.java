package io.openmws.server.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In production mode, switches off what exists only for the sandbox before auto-configuration reads
 * it: the OpenAPI description ({@code /v3/api-docs}) and Swagger UI, which describe the sandbox
 * control API, absent in production. Takes precedence over every other setting, so that no leftover
 * {@code springdoc.*} switches them back on. Registered in {@code META-INF/spring.factories}; runs after
 * the configuration files are read, so {@code openmws.mode} may come from any of the usual places.
 */
public class ProductionDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "openmwsProductionDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = Binder.get(environment).bind("openmws.mode", OpenMwsProperties.Mode.class)
                .orElse(OpenMwsProperties.Mode.SANDBOX) == OpenMwsProperties.Mode.PRODUCTION;
        if (production) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                    "springdoc.api-docs.enabled", "false",
                    "springdoc.swagger-ui.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
