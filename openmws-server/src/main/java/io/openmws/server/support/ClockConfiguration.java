package io.openmws.server.support;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declares the one {@link Clock} of the platform, and the filter that keeps it fresh per request.
 * Nothing else reads the system time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    PlatformClock platformClock(JdbcClient jdbc, OpenMwsProperties properties) {
        return new PlatformClock(Clock.systemUTC(), jdbc, properties.mode());
    }

    /** Notes when each request arrived, before any other filter (the MWS gateway's included) reads the clock. */
    @Bean
    FilterRegistrationBean<RequestStart.Filter> requestStartFilter() {
        FilterRegistrationBean<RequestStart.Filter> registration = new FilterRegistrationBean<>(new RequestStart.Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("requestStart");
        return registration;
    }
}
