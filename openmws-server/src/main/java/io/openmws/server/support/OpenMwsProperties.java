package io.openmws.server.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide settings under {@code openmws.*}.
 *
 * @param mode {@code sandbox} (the default: control API, mailbox page, movable clock) or
 *             {@code production} (none of those)
 */
@ConfigurationProperties("openmws")
public record OpenMwsProperties(@DefaultValue("sandbox") Mode mode) {

    /** How the platform runs; see ARCHITECTURE.md, "Modes". */
    public enum Mode {
        SANDBOX,
        PRODUCTION
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }
}
