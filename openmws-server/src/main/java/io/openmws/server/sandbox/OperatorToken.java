package io.openmws.server.sandbox;

import io.openmws.protocol.ConstantTime;
import io.openmws.server.support.OpenMwsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bearer token of the sandbox control API: {@code openmws.sandbox.operator-token}, or else one
 * generated at first start and kept in {@code openmws.sandbox.operator-token-file} (owner-only). Its
 * location is logged, never its value. In production mode there is none, and nothing matches. The
 * control API takes it as a bearer token; the operator pages take it at their sign-in.
 */
@Component
public class OperatorToken {

    private static final Logger log = LoggerFactory.getLogger(OperatorToken.class);

    private final String token;

    OperatorToken(SandboxProperties sandbox, OpenMwsProperties platform) {
        if (!platform.sandbox()) {
            this.token = null;
        } else if (sandbox.operatorToken() != null && !sandbox.operatorToken().isBlank()) {
            this.token = sandbox.operatorToken().strip();
        } else {
            this.token = fromFile(sandbox.operatorTokenFile());
        }
    }

    /** Whether {@code presented} (surrounding spaces ignored) is the token; constant-time. */
    public boolean matches(String presented) {
        return token != null && presented != null && ConstantTime.equal(token, presented.strip());
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                write(file, generated);
                log.info("Generated the sandbox operator token in {} (owner-only); send it as 'Authorization: Bearer <token>'",
                        file.toAbsolutePath());
                return generated;
            }
            log.info("Sandbox operator token read from {}", file.toAbsolutePath());
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the operator token file " + file.toAbsolutePath(), e);
        }
    }

    private static void write(Path file, String value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    }
}
