package no.overdosevarsel.ingest.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class ConcernReportIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void anyoneCanReportAConcernWithoutSigningInAndNothingIdentifiesThem() {
        String observed = "Blå piller merket M30 som gjør folk svært tunge. " + UUID.randomUUID();

        reporter("203.0.113.10")
                .post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", observed, "region", "0301", "seenAt", "2026-11-26T22:00:00Z"))
                .exchange()
                .expectStatus()
                .isAccepted();

        Map<String, Object> stored = jdbc.sql("SELECT * FROM concern_reports WHERE observed = ?")
                .param(observed)
                .query()
                .singleRow();
        assertThat(stored)
                .containsEntry("region", "0301")
                .containsEntry("status", "NEW")
                .containsEntry("contact", null);
        assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains("203.0.113.10"));
    }

    @Test
    void aClientThatSendsTooManyReportsIsToldToWaitAndNothingMoreIsStored() {
        RestTestClient flooder = reporter("198.51.100." + (int) (Math.random() * 200 + 1));
        String marker = "flood-" + UUID.randomUUID();
        int accepted = 0;
        int status;
        do {
            status = flooder.post()
                    .uri("/api/reports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("observed", marker, "region", "NO"))
                    .exchange()
                    .returnResult()
                    .getStatus()
                    .value();
            if (status == 202) {
                accepted++;
            }
        } while (status == 202 && accepted < 100);

        assertThat(status).isEqualTo(429);
        assertThat(accepted).isEqualTo(3);
        flooder.post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", marker, "region", "NO"))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/rate-limited");
        assertThat(jdbc.sql("SELECT count(*) FROM concern_reports WHERE observed = ?")
                        .param(marker)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        reporter("192.0.2.77")
                .post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", marker, "region", "NO"))
                .exchange()
                .expectStatus()
                .isAccepted(); // another client is not affected
    }

    @Test
    void aReportWithoutTextOrWithAnUnknownRegionIsABadRequest() {
        reporter("192.0.2.10")
                .post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", " ", "region", "NO-99"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("observed");
        reporter("192.0.2.10")
                .post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", "noe", "region", "NO-99"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("region");
    }

    @Test
    @SuppressWarnings("unchecked")
    void coordinatorsSeeReportsInTheirScopeTriageThemAndStartADraftFromOne() {
        String inOslo = report("192.0.2.20", "Oslo " + UUID.randomUUID(), "0301");
        String inTrondheim = report("192.0.2.20", "Trondheim " + UUID.randomUUID(), "5001");

        List<Map<String, Object>> karis = list(KARI);
        assertThat(karis).extracting(r -> r.get("observed")).contains(inOslo).doesNotContain(inTrondheim);
        assertThat(list(PER))
                .extracting(r -> r.get("observed"))
                .contains(inTrondheim)
                .doesNotContain(inOslo);
        String osloId = (String) karis.stream()
                .filter(r -> inOslo.equals(r.get("observed")))
                .findFirst()
                .orElseThrow()
                .get("id");

        as(PER).get().uri("/api/reports/{id}", osloId).exchange().expectStatus().isNotFound();
        as(KARI).post()
                .uri("/api/reports/{id}/triage", osloId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "REVIEWING", "note", "Sjekker med rusteamet"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REVIEWING")
                .jsonPath("$.triagedBy")
                .isEqualTo(KARI);

        Map<String, Object> draft = as(KARI).post()
                .uri("/api/alerts?fromReport={id}", osloId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(no.overdosevarsel.ingest.alert.web.AlertRequestsForOthers.valid("from a report"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        Map<String, Object> report = as(KARI).get()
                .uri("/api/reports/{id}", osloId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        assertThat(report)
                .containsEntry("status", "TURNED_INTO_ALERT")
                .containsEntry("alertId", draft.get("id"))
                .containsEntry("note", "Sjekker med rusteamet");
        as(KARI).post()
                .uri("/api/reports/{id}/triage", osloId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "DISMISSED"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void theListOfReportsNeedsACoordinator() {
        anonymous().get().uri("/api/reports").exchange().expectStatus().isUnauthorized();
        as(ADMIN).get().uri("/api/reports").exchange().expectStatus().isForbidden();
    }

    private String report(String address, String observed, String region) {
        reporter(address)
                .post()
                .uri("/api/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("observed", observed, "region", region))
                .exchange()
                .expectStatus()
                .isAccepted();
        return observed;
    }

    private List<Map<String, Object>> list(String coordinator) {
        return as(coordinator)
                .get()
                .uri("/api/reports?status=NEW")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_ARRAY)
                .returnResult()
                .getResponseBody();
    }

    /** A member of the public, at an address a proxy in front of the app reports in X-Forwarded-For. */
    private RestTestClient reporter(String address) {
        return anonymous().mutate().defaultHeader("X-Forwarded-For", address).build();
    }
}
