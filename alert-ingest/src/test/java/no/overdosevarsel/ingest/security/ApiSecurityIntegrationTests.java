package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class ApiSecurityIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void postingWithoutCredentialsIsAnUnauthorizedProblemAndStoresNothing() {
        long alertsBefore = count("alerts");

        anonymous()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"headline\":\"Uten innlogging\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"overdosevarsel\".*")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/http-401")
                .jsonPath("$.title")
                .isEqualTo("Ikke innlogget")
                .jsonPath("$.detail")
                .isEqualTo("Logg inn for å bruke dette.");

        assertThat(count("alerts")).isEqualTo(alertsBefore);
    }

    @Test
    void wrongPasswordIsAnUnauthorizedProblemEvenForAnAlertThatDoesNotExist() {
        RestTestClient intruder = anonymous()
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(KARI, PASSWORD + "-wrong"))
                .build();

        intruder.get()
                .uri("/api/alerts/{id}", UUID.randomUUID())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Not signed in");
    }

    @Test
    void healthIsOpenToProbesWithoutCredentials() {
        anonymous()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        anonymous()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aCoordinatorWithoutTheAdminRoleCannotManageAccounts() {
        as(OLA).get()
                .uri("/api/admin/coordinators")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/http-403");
    }

    @Test
    void theFirstAdministratorCreatesACoordinatorWhoCanSignIn() {
        String username = "new-" + UUID.randomUUID();

        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        username,
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("no-50", "0301")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.scope")
                .isEqualTo(List.of("NO-50", "0301"))
                .jsonPath("$.password")
                .doesNotExist();

        assertThat(jdbc.sql("SELECT password_hash FROM coordinators WHERE username = ?")
                        .param(username)
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}$2")
                .doesNotContain("a-long-enough-password");
        RestTestClient newcomer = anonymous()
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth(username, "a-long-enough-password"))
                .build();
        newcomer.get().uri("/api/alerts").exchange().expectStatus().isOk();

        as(ADMIN)
                .delete()
                .uri("/api/admin/coordinators/{u}", username)
                .exchange()
                .expectStatus()
                .isNoContent();
        newcomer.get().uri("/api/alerts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAccountNeedsALongPasswordAndKnownRegions() {
        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "short",
                        "password",
                        "kort",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("NO")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(ADMIN)
                .post()
                .uri("/api/admin/coordinators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "nowhere",
                        "password",
                        "a-long-enough-password",
                        "roles",
                        List.of("COORDINATOR"),
                        "scope",
                        List.of("NO-99")))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(count("coordinators WHERE username IN ('short', 'nowhere')")).isZero();
    }

    @Test
    void metricsNeedCredentials() {
        anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        as(OLA).get().uri("/actuator/metrics").exchange().expectStatus().isOk();
    }
}
