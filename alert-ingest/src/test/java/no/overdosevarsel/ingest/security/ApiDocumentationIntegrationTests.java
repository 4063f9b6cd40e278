package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;

class ApiDocumentationIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void theOpenApiDocumentDescribesTheLifecycleAndItsSecurityWithoutASignIn() {
        Map<String, Object> document = anonymous()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(document).containsKey("openapi");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/alerts",
                        "/api/alerts/{id}",
                        "/api/alerts/{id}/submit",
                        "/api/alerts/{id}/approve",
                        "/api/alerts/{id}/reject",
                        "/api/alerts/{id}/cancel",
                        "/api/reports",
                        "/api/admin/coordinators");
        // The signed-in coordinator comes from the token: its fields must not show up as request parameters.
        List<Object> parameterNames = new ArrayList<>();
        for (Object path : paths.values()) {
            for (Object operation : ((Map<?, ?>) path).values()) {
                if (((Map<?, ?>) operation).get("parameters") instanceof List<?> parameters) {
                    parameters.forEach(parameter -> parameterNames.add(((Map<?, ?>) parameter).get("name")));
                }
            }
        }
        assertThat(parameterNames)
                .as("parameters there are, such as If-Match")
                .contains("If-Match")
                .doesNotContain("roles", "scope", "coordinator");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes");
        assertThat(schemes).containsKeys("bearer", "oauth2");
        assertThat(document.toString()).contains("/oauth2/token");
    }

    @Test
    void swaggerUiIsServed() {
        anonymous()
                .get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
