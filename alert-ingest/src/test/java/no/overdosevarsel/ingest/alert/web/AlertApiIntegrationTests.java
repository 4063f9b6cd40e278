package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AlertApiIntegrationTests extends IngestIntegrationTestSupport {

    private AlertApi kari;
    private AlertApi ola;
    private AlertApi per;
    private AlertApi lise;

    @BeforeEach
    void signIn() {
        kari = new AlertApi(as(KARI));
        ola = new AlertApi(as(OLA));
        per = new AlertApi(as(PER));
        lise = new AlertApi(as(LISE));
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoCoordinatorsTakeAnAlertFromDraftThroughUpdateToCancellation() {
        String marker = "marker-" + UUID.randomUUID();
        Map<String, Object> request = AlertRequests.valid(marker);

        AlertApi.Answer draft = kari.create(request).expect(201);
        String id = draft.id();
        assertThat(draft.body())
                .containsEntry("publication", "NOT_PUBLISHED")
                .containsEntry("review", "DRAFT")
                .containsEntry("revision", 1)
                .containsEntry("createdBy", KARI)
                .containsEntry("current", null)
                .containsEntry("versions", List.of());
        assertThat(draft.etag()).isEqualTo("\"1\"");
        assertThat(versionsOf(id)).as("a draft is not published").isZero();

        kari.act(id, "submit").expect(200);
        assertThat(kari.act(id, "approve").expect(403).get("type"))
                .as("the author may not approve, and lacks the role anyway")
                .isIn(problem("self-approval"), problem("role-required"));
        assertThat(lise.act(id, "approve").expect(403).get("type")).isEqualTo(problem("role-required"));
        assertThat(per.act(id, "approve").expect(403).get("type")).isEqualTo(problem("out-of-scope"));
        assertThat(versionsOf(id)).as("nothing published by refused approvals").isZero();

        AlertApi.Answer published = ola.act(id, "approve").expect(200);
        assertThat(published.body())
                .containsEntry("publication", "PUBLISHED")
                .containsEntry("review", "NONE")
                .containsEntry("draft", null);
        Map<String, Object> first = (Map<String, Object>) published.get("current");
        assertThat(first)
                .containsEntry("version", 1)
                .containsEntry("msgType", "Alert")
                .containsEntry("sender", OLA);

        // An update: Kari proposes new text, Ola approves it.
        AlertApi.Answer current = kari.get(id).expect(200);
        request.put("headline", "Oppdatert: nitazener funnet i flere prøver i Oslo");
        AlertApi.Answer proposed = kari.edit(id, current.etag(), request).expect(200);
        assertThat(proposed.body()).containsEntry("publication", "PUBLISHED").containsEntry("review", "DRAFT");
        assertThat(((Map<String, Object>) proposed.get("current")).get("version"))
                .as("the published version stays in force while the update is reviewed")
                .isEqualTo(1);
        kari.act(id, "submit").expect(200);
        Map<String, Object> second =
                (Map<String, Object>) ola.act(id, "approve").expect(200).get("current");
        assertThat(second)
                .containsEntry("version", 2)
                .containsEntry("msgType", "Update")
                .containsEntry("headline", "Oppdatert: nitazener funnet i flere prøver i Oslo");

        AlertApi.Answer cancelled =
                ola.act(id, "cancel", "Feilanalyse, prøven var ren").expect(200);
        assertThat(cancelled.body()).containsEntry("publication", "CANCELLED");
        assertThat((List<?>) cancelled.get("versions")).hasSize(3);

        try (AlertsTopic topic = alertsTopic()) {
            List<AlertEvent> events =
                    await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(topic, id), list -> list.size() >= 3);
            assertThat(events).extracting(AlertEvent::version).containsExactly(1, 2, 3);
            assertThat(events)
                    .extracting(AlertEvent::msgType)
                    .containsExactly(MsgType.Alert, MsgType.Update, MsgType.Cancel);
            assertThat(events).extracting(AlertEvent::references).containsExactly(List.of(), List.of(1), List.of(1, 2));
        }

        List<Map<String, Object>> audit = kari.audit(id);
        assertThat(audit)
                .extracting(e -> e.get("action") + " by " + e.get("actor"))
                .containsExactly(
                        "CREATED by kari",
                        "SUBMITTED by kari",
                        "APPROVED_AND_PUBLISHED by ola",
                        "EDITED by kari",
                        "SUBMITTED by kari",
                        "APPROVED_AND_PUBLISHED by ola",
                        "CANCELLED by ola");
        Map<String, Object> edited = (Map<String, Object>) audit.get(3).get("details");
        assertThat((Map<String, Object>) edited.get("changed"))
                .containsOnlyKeys("norwegian.headline")
                .containsEntry(
                        "norwegian.headline",
                        Map.of(
                                "from", "Heroin med nitazener i Oslo og Akershus: svært høy fare for overdose",
                                "to", "Oppdatert: nitazener funnet i flere prøver i Oslo"));
        assertThat((Map<String, Object>) audit.get(6).get("details"))
                .containsEntry("reason", "Feilanalyse, prøven var ren");
    }

    @Test
    void publishedVersionIsStoredAndSentOnTheAlertsTopicExactlyAsStoredKeyedByItsId() {
        String marker = "marker-" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        AlertApi.Answer created = kari.create(AlertRequests.valid(marker)).expect(201);
        String id = created.id();
        kari.act(id, "submit").expect(200);
        ola.act(id, "approve").expect(200);
        Instant after = Instant.now();

        UUID alertId = UUID.fromString(id);
        String stored = jdbc.sql("""
                        SELECT event_json FROM alert_versions
                        WHERE alert_id = ? AND version = 1 AND msg_type = 'Alert' AND published_by = ?
                        """).params(alertId, OLA).query(String.class).single();

        try (AlertsTopic topic = alertsTopic()) {
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> topic.readAll().stream()
                                    .filter(r -> id.equals(r.key()))
                                    .toList(),
                            l -> !l.isEmpty())
                    .getFirst();
            assertThat(record.value()).as("published exactly as stored").isEqualTo(stored);

            AlertEvent event = EventJson.read(record.value().getBytes(StandardCharsets.UTF_8), AlertEvent.class);
            assertThat(event.schemaVersion()).isEqualTo(AlertEvent.SCHEMA_VERSION);
            assertThat(event.alertId()).isEqualTo(alertId);
            assertThat(event.version()).isOne();
            assertThat(event.msgType()).isEqualTo(MsgType.Alert);
            assertThat(event.status()).isEqualTo(AlertStatus.Actual);
            assertThat(event.sender()).isEqualTo(OLA);
            assertThat(event.severity()).isEqualTo(Severity.Severe);
            assertThat(event.evidenceSource()).isEqualTo(EvidenceSource.DRUG_CHECKING);
            assertThat(event.substances()).containsExactly("heroin", "protonitazen");
            assertThat(event.regions()).as("catalogue form").containsExactly("0301", "NO-32");
            assertThat(event.effective()).isBetween(before, after).isEqualTo(event.sent());
            assertThat(event.expires()).isEqualTo(event.effective().plus(Duration.ofDays(14)));
            assertThat(event.web()).isEqualTo("https://overdosevarsel.no/varsler");
            assertThat(event.references()).isEmpty();
            assertThat(event.info()).extracting(AlertInfo::language).containsExactly("nb", "en");
            assertThat(event.primary().instruction())
                    .containsExactly("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først");
            assertThat(event.info("en").contact())
                    .as("the bokmål contact when the translation has none")
                    .isEqualTo("Ring 113 ved overdose");
        }
    }

    @Test
    void draftReadsBackAsItWasWritten() {
        Map<String, Object> request = AlertRequests.valid("marker-" + UUID.randomUUID());
        Instant effective = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        request.put("status", "Exercise");
        request.put("effective", effective.toString());
        request.put("expires", effective.plus(Duration.ofDays(3)).toString());
        request.remove("english");

        AlertApi.Answer created = kari.create(request).expect(201);
        AlertApi.Answer read = ola.get(created.id()).expect(200);

        assertThat(read.body()).isEqualTo(created.body());
        assertThat(read.etag()).isEqualTo(created.etag());
        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) read.get("draft");
        assertThat(draft)
                .containsEntry("status", "Exercise")
                .containsEntry("effective", effective.toString())
                .containsEntry("expires", effective.plus(Duration.ofDays(3)).toString())
                .containsEntry("headline", request.get("headline"))
                .containsEntry("english", null);
    }

    @Test
    void rejectedDraftCarriesTheReasonAndCanBeFixedAndResubmitted() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        kari.act(id, "submit").expect(200);

        AlertApi.Answer rejected =
                ola.act(id, "reject", "Mangler råd om nalokson på engelsk").expect(200);
        assertThat(rejected.body())
                .containsEntry("review", "REJECTED")
                .containsEntry("rejectedBy", OLA)
                .containsEntry("rejectionReason", "Mangler råd om nalokson på engelsk");
        assertThat(ola.act(id, "approve").expect(409).get("type")).isEqualTo(problem("invalid-transition"));

        kari.act(id, "submit").expect(200);
        assertThat(ola.act(id, "approve").expect(200).body()).containsEntry("publication", "PUBLISHED");
    }

    @Test
    void anApproverCannotApproveAnAlertTheyWroteThemselves() {
        String id = ola.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        ola.act(id, "submit").expect(200);

        AlertApi.Answer refused = ola.act(id, "approve").expect(403);

        assertThat(refused.get("type")).isEqualTo(problem("self-approval"));
        assertThat(ola.get(id).body())
                .containsEntry("review", "SUBMITTED")
                .containsEntry("publication", "NOT_PUBLISHED");
        assertThat(versionsOf(id)).isZero();
    }

    @Test
    void aCoordinatorWhoEditedADraftCannotApproveItEither() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        AlertApi.Answer read = ola.get(id);
        ola.edit(id, read.etag(), AlertRequests.valid("edited by ola")).expect(200);
        kari.act(id, "submit").expect(200);

        assertThat(ola.act(id, "approve").expect(403).get("type")).isEqualTo(problem("self-approval"));
        assertThat(versionsOf(id)).isZero();
    }

    @Test
    void extremeAlertMayBePublishedByOneCoordinatorOutsideOfficeHoursAndThatIsRecorded() {
        Map<String, Object> request = AlertRequests.valid("marker-" + UUID.randomUUID());
        request.put("severity", "Extreme");
        String id = kari.create(request).expect(201).id();

        AlertApi.Answer published = kari.act(id, "publish-alone", "Tre dødsfall i natt, ingen godkjenner svarer")
                .expect(200);

        assertThat(published.body()).containsEntry("publication", "PUBLISHED");
        assertThat(kari.audit(id).getLast())
                .containsEntry("action", "PUBLISHED_BY_ONE_COORDINATOR")
                .containsEntry("actor", KARI);
        @SuppressWarnings("unchecked")
        Map<String, Object> details =
                (Map<String, Object>) kari.audit(id).getLast().get("details");
        assertThat(details).containsEntry("reason", "Tre dødsfall i natt, ingen godkjenner svarer");
    }

    @Test
    void onlyExtremeAlertsMayBePublishedByOneCoordinator() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();

        assertThat(kari.act(id, "publish-alone", "Haster").expect(403).get("type"))
                .isEqualTo(problem("solo-publishing-not-allowed"));
        assertThat(versionsOf(id)).isZero();
    }

    @Test
    void publishedAlertIsMarkedExpiredWhenItsTimeIsUpAndTheAuditLogSaysSo() {
        Map<String, Object> request = AlertRequests.valid("marker-" + UUID.randomUUID());
        request.put("expires", Instant.now().plusSeconds(8).toString());
        String id = kari.create(request).expect(201).id();
        kari.act(id, "submit").expect(200);
        ola.act(id, "approve").expect(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(kari.get(id).body()).containsEntry("publication", "EXPIRED"));
        assertThat(kari.audit(id).getLast()).containsEntry("action", "EXPIRED").containsEntry("actor", "system");
        assertThat(versionsOf(id)).as("expiry publishes no new version").isOne();
        assertThat(kari.list("status=EXPIRED")).extracting(a -> a.get("id")).contains(id);
    }

    @Test
    void listsAlertsByStateRegionAndTimeInForce() {
        String published = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        kari.act(published, "submit").expect(200);
        ola.act(published, "approve").expect(200);
        Map<String, Object> elsewhere = AlertRequests.valid("marker-" + UUID.randomUUID());
        elsewhere.put("regions", List.of("5001"));
        String draftInTrondheim = ola.create(elsewhere).expect(201).id();

        assertThat(kari.list("region=NO-03&activeAt=" + Instant.now()))
                .extracting(a -> a.get("id"))
                .contains(published)
                .doesNotContain(draftInTrondheim);
        assertThat(kari.list("status=DRAFT&region=5001"))
                .extracting(a -> a.get("id"))
                .contains(draftInTrondheim)
                .doesNotContain(published);
        assertThat(kari.list("region=1103")).extracting(a -> a.get("id")).doesNotContain(published, draftInTrondheim);
    }

    @Test
    void aCoordinatorCannotDraftForRegionsOutsideTheirScope() {
        Map<String, Object> request = AlertRequests.valid("marker-" + UUID.randomUUID());
        request.put("regions", List.of("0301", "5001"));
        long before = count("alerts");

        assertThat(kari.create(request).expect(403).get("type")).isEqualTo(problem("out-of-scope"));
        assertThat(count("alerts")).isEqualTo(before);
    }

    @Test
    void theAuditLogAndThePublishedVersionsCannotBeChangedAfterwards() {
        String id = kari.create(AlertRequests.valid("marker-" + UUID.randomUUID()))
                .expect(201)
                .id();
        kari.act(id, "submit").expect(200);
        ola.act(id, "approve").expect(200);
        UUID alertId = UUID.fromString(id);

        assertThatThrownBy(() -> jdbc.sql("UPDATE alert_audit SET actor = 'someone else' WHERE alert_id = ?")
                        .param(alertId)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM alert_versions WHERE alert_id = ?")
                        .param(alertId)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(kari.audit(id)).extracting(e -> e.get("actor")).containsExactly(KARI, KARI, OLA);
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

    static String problem(String type) {
        return "https://overdosevarsel.no/problems/" + type;
    }

    private long versionsOf(String id) {
        return jdbc.sql("SELECT count(*) FROM alert_versions WHERE alert_id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private static List<AlertEvent> eventsOf(AlertsTopic topic, String id) {
        return topic.readAll().stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value().getBytes(StandardCharsets.UTF_8), AlertEvent.class))
                .toList();
    }
}
