package io.openmws.cli.config;

import java.net.URI;
import java.util.Objects;

/**
 * A profile's settings that are not secret, kept in its {@code settings.properties}: the endpoint, and the
 * application name and version the User-Agent carries. The access key lives in the encrypted store.
 *
 * @param endpoint the MWS endpoint ({@code https://mws.amazonservices.com}, {@code http://localhost:8080})
 * @param applicationName the integrator's application, first in the User-Agent
 * @param applicationVersion its version
 */
public record ProfileSettings(URI endpoint, String applicationName, String applicationVersion) {

    /** Checks every value is given. */
    public ProfileSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(applicationVersion, "applicationVersion");
    }
}
