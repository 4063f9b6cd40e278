package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.ingest.AlertsTopic;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AlertApiIntegrationTests extends IngestIntegrationTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    @Test
    void publishedAlertIsStoredAndSentOnTheAlertsTopicKeyedByItsId() {
        String marker = "marker-" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        var result = coordinator()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(AlertRequests.valid(marker))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult();
        Map<String, Object> created = result.getResponseBody();
        Instant after = Instant.now();

        assertThat(created).containsEntry("version", 1).containsEntry("msgType", "Alert");
        String id = (String) created.get("id");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/alerts/" + id);

        UUID alertId = UUID.fromString(id);
        assertThat(jdbc.sql("SELECT count(*) FROM alerts WHERE id = ? AND created_by = ?")
                        .params(alertId, COORDINATOR)
                        .query(Long.class)
                        .single())
                .isOne();
        String stored =
                jdbc.sql("""
                        SELECT event_json FROM alert_versions
                        WHERE alert_id = ? AND version = 1 AND msg_type = 'Alert' AND published_by = ?
                        """).params(alertId, COORDINATOR).query(String.class).single();

        try (AlertsTopic topic = alertsTopic()) {
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> topic.readAll().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(record.value()).as("published exactly as stored").isEqualTo(stored);

            AlertEvent event = EventJson.read(record.value().getBytes(StandardCharsets.UTF_8), AlertEvent.class);
            assertThat(event.schemaVersion()).isEqualTo(AlertEvent.SCHEMA_VERSION);
            assertThat(event.alertId()).isEqualTo(alertId);
            assertThat(event.version()).isOne();
            assertThat(event.msgType()).isEqualTo(MsgType.Alert);
            assertThat(event.status()).isEqualTo(AlertStatus.Actual);
            assertThat(event.sender()).isEqualTo(COORDINATOR);
            assertThat(event.severity()).isEqualTo(Severity.Severe);
            assertThat(event.evidenceSource()).isEqualTo(EvidenceSource.DRUG_CHECKING);
            assertThat(event.substances()).containsExactly("heroin", "protonitazen");
            assertThat(event.regions()).as("catalogue form").containsExactly("0301", "NO-32");
            assertThat(event.effective()).isBetween(before, after).isEqualTo(event.sent());
            assertThat(event.expires()).isEqualTo(event.effective().plus(Duration.ofDays(14)));
            assertThat(event.web()).isEqualTo("https://overdosevarsel.no/varsler");
            assertThat(event.references()).isEmpty();
            assertThat(event.info()).extracting(AlertInfo::language).containsExactly("nb", "en");
            assertThat(event.primary().headline())
                    .isEqualTo("Heroin med nitazener i Oslo og Akershus: svært høy fare for overdose");
            assertThat(event.primary().instruction())
                    .containsExactly("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først");
            assertThat(event.info("en").instruction()).first().isEqualTo("Do not use alone");
            assertThat(event.info("en").contact())
                    .as("the bokmål contact when the translation has none")
                    .isEqualTo("Ring 113 ved overdose");
        }
    }

    @Test
    void publishedAlertReadsBackAsItWasPublished() {
        Map<String, Object> request = AlertRequests.valid("marker-" + UUID.randomUUID());
        Instant effective = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        request.put("status", "Exercise");
        request.put("effective", effective.toString());
        request.put("expires", effective.plus(Duration.ofDays(3)).toString());
        request.remove("english");

        Map<String, Object> created = coordinator()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        Map<String, Object> read = coordinator()
                .get()
                .uri("/api/alerts/{id}", created.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(read).isEqualTo(created);
        assertThat(read)
                .containsEntry("status", "Exercise")
                .containsEntry("effective", effective.toString())
                .containsEntry("expires", effective.plus(Duration.ofDays(3)).toString())
                .containsEntry("regions", List.of("0301", "NO-32"))
                .containsEntry("sender", COORDINATOR)
                .containsEntry("english", null);
    }

    @Test
    void unknownAlertIsANotFoundProblem() {
        coordinator()
                .get()
                .uri("/api/alerts/{id}", UUID.randomUUID())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://overdosevarsel.no/problems/not-found")
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).startsWith("Could not find alert "));
        coordinator()
                .get()
                .uri("/api/alerts/not-an-id")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Fant ikke varselet not-an-id.");
    }
}
