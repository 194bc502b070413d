package io.openmws.server.support;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide settings under {@code openmws.*}.
 *
 * @param mode     {@code sandbox} (the default: control API, mailbox page, movable clock) or
 *                 {@code production} (none of those)
 * @param mailFrom the sender of every mail the platform sends
 * @param baseUrl  the address people reach the portal at, used in links sent by mail; when unset the
 *                 links are built from the request (fine for a local sandbox, not behind a proxy)
 */
@ConfigurationProperties("openmws")
public record OpenMwsProperties(
        @DefaultValue("sandbox") Mode mode,
        @DefaultValue("OpenMWS Seller Central <no-reply@openmws.invalid>") String mailFrom,
        URI baseUrl) {

    /** How the platform runs; see ARCHITECTURE.md, "Modes". */
    public enum Mode {
        SANDBOX,
        PRODUCTION
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }
}
