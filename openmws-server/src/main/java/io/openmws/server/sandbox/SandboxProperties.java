package io.openmws.server.sandbox;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox control API under {@code openmws.sandbox.*}.
 *
 * @param operatorToken     the bearer token of the control API; when unset, one is generated at first
 *                          start and kept in {@code operatorTokenFile}
 * @param operatorTokenFile where a generated token is kept (owner-only permissions)
 * @param demo              whether to create (or find again) a demo seller, developer and authorization at
 *                          start and print what an integrator needs to call the API
 */
@ConfigurationProperties("openmws.sandbox")
public record SandboxProperties(
        String operatorToken,
        @DefaultValue("./data/operator-token") Path operatorTokenFile,
        @DefaultValue("false") boolean demo) {

    @Override
    public String toString() {
        return "SandboxProperties[operatorToken=" + (operatorToken == null ? "unset" : "redacted")
                + ", operatorTokenFile=" + operatorTokenFile + ", demo=" + demo + "]";
    }
}
