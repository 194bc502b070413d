package io.openmws.server.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ceiling the gateway benchmark measures against (profile {@code benchmark} only, never in a
 * running platform): a Spring MVC endpoint that answers a constant, outside every security filter
 * chain. A signed MWS call pays for the servlet container, the gateway, the signature, the database
 * and the XML; this endpoint pays for the container and Spring MVC alone, so the ratio between the
 * two is what the platform's own work costs (BENCHMARKS.md, "MWS gateway under load").
 */
@RestController
@Profile(BareEndpoint.PROFILE)
class BareEndpoint {

    static final String PROFILE = "benchmark";
    static final String PATH = "/benchmark/bare";

    /** Keeps the path out of the security filter chains altogether, not merely permitted by one. */
    @Bean
    static WebSecurityCustomizer bareEndpointOutsideSecurity() {
        return web -> web.ignoring().requestMatchers(PATH);
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    String bare() {
        return "ok";
    }
}
