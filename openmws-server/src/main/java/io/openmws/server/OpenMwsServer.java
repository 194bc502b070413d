package io.openmws.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OpenMWS platform: Seller Central, developer registration, authorizations, the MWS API and the
 * sandbox around it, in one Spring Boot application.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenMwsServer {

    public static void main(String[] args) {
        SpringApplication.run(OpenMwsServer.class, args);
    }
}
