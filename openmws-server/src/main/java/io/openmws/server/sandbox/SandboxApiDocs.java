package io.openmws.server.sandbox;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the control API, served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class SandboxApiDocs {

    @Bean
    OpenAPI sandboxOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OpenMWS sandbox control API").version("v1").description("""
                        Fixtures and time travel for tests against the OpenMWS platform, in sandbox mode only.
                        Every call needs 'Authorization: Bearer <operator token>' (openmws.sandbox.operator-token,
                        or the token generated at first start in ./data/operator-token). Errors are
                        {"error": CODE, "message": TEXT}."""))
                .components(new Components().addSecuritySchemes("operator",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("operator"));
    }
}
