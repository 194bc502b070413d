package io.openmws.server.support;

import java.net.URI;
import java.nio.file.Path;
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
 * @param secrets  where the keyset that encrypts stored secrets comes from
 */
@ConfigurationProperties("openmws")
public record OpenMwsProperties(
        @DefaultValue("sandbox") Mode mode,
        @DefaultValue("OpenMWS Seller Central <no-reply@openmws.invalid>") String mailFrom,
        URI baseUrl,
        @DefaultValue Secrets secrets) {

    /** How the platform runs; see ARCHITECTURE.md, "Modes". */
    public enum Mode {
        SANDBOX,
        PRODUCTION
    }

    /**
     * The Tink AEAD keyset of {@link SecretSealer}: set one of the two, never both.
     *
     * @param keyset     the keyset's JSON itself, typically from the environment variable
     *                   {@code OPENMWS_SECRETS_KEYSET}
     * @param keysetFile a file holding the keyset's JSON; in sandbox mode it is generated when missing
     *                   (default {@code ./data/secrets.keyset.json})
     */
    public record Secrets(String keyset, Path keysetFile) {
        @Override
        public String toString() {
            return "Secrets[keyset=" + (keyset == null ? "unset" : "redacted") + ", keysetFile=" + keysetFile + "]";
        }
    }

    public OpenMwsProperties {
        if (secrets == null) {
            secrets = new Secrets(null, null);
        }
    }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }
}
