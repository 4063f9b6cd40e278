package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

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
                .defaultHeaders(headers -> headers.setBasicAuth(COORDINATOR, PASSWORD + "-wrong"))
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
    void metricsNeedCredentials() {
        anonymous().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        coordinator().get().uri("/actuator/metrics").exchange().expectStatus().isOk();
    }
}
