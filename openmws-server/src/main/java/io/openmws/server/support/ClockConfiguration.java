package io.openmws.server.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Declares the one {@link Clock} of the platform. Nothing else reads the system time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    PlatformClock platformClock(JdbcClient jdbc, OpenMwsProperties properties) {
        return new PlatformClock(Clock.systemUTC(), jdbc, properties.mode());
    }
}
