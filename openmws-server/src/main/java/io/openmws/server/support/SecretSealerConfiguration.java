package io.openmws.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Declares the {@link SecretSealer} and decides where its keyset comes from:
 * <ol>
 *   <li>{@code openmws.secrets.keyset} (env {@code OPENMWS_SECRETS_KEYSET}): the keyset's JSON;</li>
 *   <li>{@code openmws.secrets.keyset-file}: a file holding it;</li>
 *   <li>neither, in sandbox mode: {@code ./data/secrets.keyset.json}.</li>
 * </ol>
 * In sandbox mode a missing keyset file is generated (one AES-256-GCM key) with owner-only
 * permissions. Production mode never generates one: without a keyset it refuses to start, since
 * secrets sealed with a forgotten key are lost. The log names the file, never its content.
 *
 * <p>Before the sealer is handed to anyone, {@link KeysetCheck} proves that the keyset opens the
 * secrets already in the database: a node given another keyset than the nodes before it refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class SecretSealerConfiguration {

    static final Path SANDBOX_DEFAULT = Path.of("data", "secrets.keyset.json");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(SecretSealerConfiguration.class);

    /** A sealer and where its keyset came from, in words for messages (settings and paths, no key material). */
    record Keyset(SecretSealer sealer, String source) {}

    /**
     * The sealer, once {@link KeysetCheck} has proven that its keyset opens the secrets in the database:
     * every bean that seals or opens a secret depends on this one, so none runs with a wrong keyset.
     */
    @Bean
    SecretSealer secretSealer(OpenMwsProperties properties, JdbcClient jdbc, ObjectProvider<SealedSecrets> features,
                              PlatformClock clock) {
        Keyset keyset = keysetFor(properties);
        new KeysetCheck(jdbc, features.orderedStream().toList(), clock).verify(keyset.sealer(), keyset.source());
        return keyset.sealer();
    }

    static SecretSealer sealerFor(OpenMwsProperties properties) {
        return keysetFor(properties).sealer();
    }

    static Keyset keysetFor(OpenMwsProperties properties) {
        OpenMwsProperties.Secrets secrets = properties.secrets();
        boolean inline = secrets.keyset() != null && !secrets.keyset().isBlank();
        // An empty value counts as unset, so that a deployment can blank out an inherited setting.
        Path file = secrets.keysetFile() == null || secrets.keysetFile().toString().isEmpty() ? null : secrets.keysetFile();
        if (inline && file != null) {
            throw new IllegalStateException("Set either openmws.secrets.keyset (OPENMWS_SECRETS_KEYSET) or "
                    + "openmws.secrets.keyset-file, not both: the platform will not guess which keyset sealed its secrets");
        }
        if (inline) {
            SecretSealer sealer = parse(secrets.keyset(), "openmws.secrets.keyset");
            log.info("Secrets are sealed with the keyset given in openmws.secrets.keyset");
            return new Keyset(sealer, "the keyset given in openmws.secrets.keyset (OPENMWS_SECRETS_KEYSET)");
        }
        if (file == null && !properties.sandbox()) {
            throw new IllegalStateException("Production mode needs the keyset that seals stored secrets: set "
                    + "openmws.secrets.keyset-file to a Tink AEAD keyset file (JSON), or the environment variable "
                    + "OPENMWS_SECRETS_KEYSET to the keyset itself. Keep it safe: secrets sealed with a lost keyset "
                    + "cannot be opened.");
        }
        boolean byDefault = file == null;
        if (byDefault) {
            file = SANDBOX_DEFAULT;
        }
        Path absolute = file.toAbsolutePath().normalize();
        boolean generated = false;
        if (!Files.exists(absolute)) {
            if (!properties.sandbox()) {
                throw new IllegalStateException("The secrets keyset file " + absolute + " (openmws.secrets.keyset-file)"
                        + " does not exist. Production mode never generates one: restore it, or create one with"
                        + " Tink's tinkey (AES256_GCM) and point the property at it.");
            }
            generated = generate(absolute);
        }
        warnIfReadableByOthers(absolute);
        try {
            SecretSealer sealer = parse(Files.readString(absolute, StandardCharsets.UTF_8), absolute.toString());
            log.info("Secrets are sealed with the keyset in {}", absolute);
            String setting = byDefault ? ", the sandbox default as openmws.secrets.keyset-file is not set"
                    : ", from openmws.secrets.keyset-file";
            String made = generated ? "; this node generated it just now because it did not exist: in sandbox mode"
                    + " each node makes a keyset of its own unless it is given one" : "";
            return new Keyset(sealer, "the keyset file " + absolute + setting + made);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the secrets keyset file " + absolute, e);
        }
    }

    private static SecretSealer parse(String json, String source) {
        try {
            return SecretSealer.of(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secrets keyset from " + source + " is unusable: " + e.getMessage());
        }
    }

    /**
     * Writes a new keyset with owner-only permissions; a keyset another node wrote first is kept.
     *
     * @return whether this call wrote it
     */
    private static boolean generate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path created;
            try {
                created = posix(file)
                        ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                        : Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return false;
            }
            Files.writeString(created, SecretSealer.newKeysetJson(), StandardCharsets.UTF_8);
            log.warn("Generated a new secrets keyset at {} (sandbox mode). Stored secrets can be opened only with "
                    + "this file: back it up with the database, keep it private, and give every node that shares "
                    + "the database a copy.", file);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the secrets keyset file " + file, e);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> others = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                log.warn("The secrets keyset file {} can be read by others than its owner ({}); chmod 600 it",
                        file, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        } catch (IOException e) {
            log.warn("Could not read the permissions of the secrets keyset file {}", file, e);
        }
    }

    private static boolean posix(Path file) {
        Path existing = Files.exists(file) ? file : file.getParent();
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
