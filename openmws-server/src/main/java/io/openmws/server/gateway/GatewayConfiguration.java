package io.openmws.server.gateway;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the MWS gateway in front of Spring Security's filter chains, and its error form into Tomcat
 * for the requests Tomcat refuses before any filter runs.
 */
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

    /**
     * Replaces the host's error report valve (Spring Boot's, or Tomcat's default) with
     * {@link MwsErrorReportValve}; runs after Spring Boot's own customizer, which adds its valve.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> mwsErrorReportValve() {
        return new MwsErrorReportValveCustomizer();
    }

    private static final class MwsErrorReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new MwsErrorReportValve());
                    host.setErrorReportValveClass(MwsErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
