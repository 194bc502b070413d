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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
 */
@Configuration(proxyBeanMethods = false)
class SecretSealerConfiguration {

    static final Path SANDBOX_DEFAULT = Path.of("data", "secrets.keyset.json");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(SecretSealerConfiguration.class);

    @Bean
    SecretSealer secretSealer(OpenMwsProperties properties) {
        return sealerFor(properties);
    }

    static SecretSealer sealerFor(OpenMwsProperties properties) {
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
            return sealer;
        }
        if (file == null && !properties.sandbox()) {
            throw new IllegalStateException("Production mode needs the keyset that seals stored secrets: set "
                    + "openmws.secrets.keyset-file to a Tink AEAD keyset file (JSON), or the environment variable "
                    + "OPENMWS_SECRETS_KEYSET to the keyset itself. Keep it safe: secrets sealed with a lost keyset "
                    + "cannot be opened.");
        }
        if (file == null) {
            file = SANDBOX_DEFAULT;
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            if (!properties.sandbox()) {
                throw new IllegalStateException("The secrets keyset file " + absolute + " (openmws.secrets.keyset-file)"
                        + " does not exist. Production mode never generates one: restore it, or create one with"
                        + " Tink's tinkey (AES256_GCM) and point the property at it.");
            }
            generate(absolute);
        }
        warnIfReadableByOthers(absolute);
        try {
            SecretSealer sealer = parse(Files.readString(absolute, StandardCharsets.UTF_8), absolute.toString());
            log.info("Secrets are sealed with the keyset in {}", absolute);
            return sealer;
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

    /** Writes a new keyset with owner-only permissions; a keyset another node wrote first is kept. */
    private static void generate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path created;
            try {
                created = posix(file)
                        ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                        : Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return;
            }
            Files.writeString(created, SecretSealer.newKeysetJson(), StandardCharsets.UTF_8);
            log.warn("Generated a new secrets keyset at {} (sandbox mode). Stored secrets can be opened only with "
                    + "this file: back it up with the database, and keep it private.", file);
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
