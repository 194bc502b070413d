package io.openmws.server.gateway;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the MWS gateway in front of Spring Security's filter chains. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    FilterRegistrationBean<MwsGatewayFilter> mwsGatewayFilter(MwsGateway gateway) {
        FilterRegistrationBean<MwsGatewayFilter> registration = new FilterRegistrationBean<>(new MwsGatewayFilter(gateway));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setName("mwsGateway");
        return registration;
    }
}
