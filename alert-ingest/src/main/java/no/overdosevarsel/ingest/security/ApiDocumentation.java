package no.overdosevarsel.ingest.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import no.overdosevarsel.platform.security.Coordinator;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the coordinator API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): bearer
 * JWTs, from the embedded authorization server's endpoints when it runs. The signed-in {@link Coordinator} a controller
 * receives comes from the token, so it is not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String OAUTH = "oauth2";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Coordinator.class);
    }

    @Bean
    OpenAPI alertIngestApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Overdosevarsel alert-ingest")
                        .version("1")
                        .description("Coordinators draft, approve, publish, update and cancel overdose warnings"
                                + " (four eyes, region scope); the public reports concerns. Errors are RFC 9457"
                                + " problem details, in Norwegian bokmål unless Accept-Language asks for English."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from the configured issuer"))
                        .addSecuritySchemes(
                                OAUTH,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .description("alert-ingest's embedded authorization server (standalone use):"
                                                + " people sign in with authorization code + PKCE as client"
                                                + " overdosevarsel-cli; API clients use client credentials")
                                        .flows(new OAuthFlows()
                                                .authorizationCode(new OAuthFlow()
                                                        .authorizationUrl("/oauth2/authorize")
                                                        .tokenUrl("/oauth2/token"))
                                                .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(OAUTH));
    }
}
