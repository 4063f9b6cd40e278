package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import no.overdosevarsel.ingest.alert.web.AlertRequestsForOthers;
import no.overdosevarsel.testinfra.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class ApiTokenIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void aLabSystemDraftsAlertsWithItsTokenInItsScopeUntilTheTokenIsRevoked() {
        String lab = "lab-" + UUID.randomUUID();
        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username", lab,
                        "password", UUID.randomUUID().toString(),
                        "roles", List.of("COORDINATOR"),
                        "scope", List.of("NO-03", "NO-32")))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> issued = as(ADMIN)
                .post()
                .uri("/api/admin/coordinators/{u}/tokens", lab)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Rusmiddelanalyse, Oslo"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        String secret = (String) issued.get("clientSecret");
        assertThat(secret).startsWith("ovt_").hasSizeGreaterThan(40);
        assertThat(issued.get("clientId")).isEqualTo(issued.get("id"));
        assertThat(jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = ?::uuid")
                        .param(issued.get("id"))
                        .query(String.class)
                        .single())
                .as("stored hashed")
                .hasSize(64)
                .doesNotContain(secret.substring(4));
        String clientId = (String) issued.get("clientId");
        RestTestClient system =
                bearer(SignIn.withClientCredentials(baseUrl(), clientId, secret).accessToken());
        assertThatThrownBy(() -> SignIn.withClientCredentials(baseUrl(), clientId, secret + "x"))
                .as("a wrong secret gets no token")
                .hasMessageContaining("401");

        system.post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(AlertRequestsForOthers.valid("from the lab"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.createdBy")
                .isEqualTo(lab);
        Map<String, Object> elsewhere = AlertRequestsForOthers.valid("outside the lab's scope");
        elsewhere.put("regions", List.of("5001"));
        system.post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(elsewhere)
                .exchange()
                .expectStatus()
                .isForbidden();
        system.get().uri("/api/admin/coordinators").exchange().expectStatus().isForbidden();
        as(ADMIN)
                .get()
                .uri("/api/admin/coordinators/{u}/tokens", lab)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].name")
                .isEqualTo("Rusmiddelanalyse, Oslo")
                .jsonPath("$[0].token")
                .doesNotExist()
                .jsonPath("$[0].clientSecret")
                .doesNotExist();

        as(ADMIN)
                .delete()
                .uri("/api/admin/tokens/{id}", issued.get("id"))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThatThrownBy(() -> SignIn.withClientCredentials(baseUrl(), clientId, secret))
                .as("a revoked client gets no new token; the one it has lapses within the access token lifetime")
                .hasMessageContaining("401");
    }

    @Test
    void anUnknownTokenIsUnauthorizedEvenOnThePublicEndpoint() {
        bearer("ovt_" + UUID.randomUUID())
                .get()
                .uri("/api/alerts")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        bearer("not-even-ours")
                .get()
                .uri("/api/alerts")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private RestTestClient bearer(String token) {
        return anonymous()
                .mutate()
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }
}
