package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(document.toString())
                .as("the signed-in coordinator comes from the token, not from the request")
                .doesNotContain("name=coordinator")
                .contains("securitySchemes")
                .contains("/oauth2/token");
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
