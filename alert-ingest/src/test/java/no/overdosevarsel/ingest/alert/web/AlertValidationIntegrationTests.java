package no.overdosevarsel.ingest.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.overdosevarsel.ingest.AlertsTopic;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AlertValidationIntegrationTests extends IngestIntegrationTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private final String marker = "marker-" + UUID.randomUUID();
    private final Map<String, Object> request = AlertRequests.valid(marker);

    @Test
    void rejectsAnUnknownRegionAndStoresNothing() {
        request.put("regions", List.of("0301", "NO-99"));

        assertThat(rejectedFields("nb"))
                .containsExactly(
                        Map.of(
                                "field",
                                "regions[1]",
                                "message",
                                "Ukjent områdekode «NO-99». Bruk NO, en fylkeskode NO-03…NO-56 eller et firesifret kommunenummer."));
    }

    @Test
    void rejectsAnExpiryBeforeTheStartAndStoresNothing() {
        Instant effective = Instant.now().plus(Duration.ofDays(2));
        request.put("effective", effective.toString());
        request.put("expires", effective.minus(Duration.ofDays(1)).toString());

        assertThat(rejectedFields("nb"))
                .containsExactly(
                        Map.of("field", "expires", "message", "må være etter tidspunktet varselet gjelder fra"));
    }

    @Test
    void rejectsAnAlertWithoutAdviceAndStoresNothing() {
        request.put("instruction", List.of());

        assertThat(rejectedFields("nb"))
                .containsExactly(Map.of("field", "instruction", "message", "må ha minst ett råd"));
    }

    @Test
    void rejectsAnAlertWithoutHeadlineAndStoresNothing() {
        request.remove("headline");

        assertThat(rejectedFields("nb")).containsExactly(Map.of("field", "headline", "message", "må fylles ut"));
    }

    @Test
    void rejectsAHeadlineTooLongForAnSmsAndStoresNothing() {
        request.put("headline", "x".repeat(141));

        assertThat(rejectedFields("nb"))
                .containsExactly(Map.of("field", "headline", "message", "kan ikke være lengre enn 140 tegn"));
    }

    @Test
    void rejectsAHeadlineWhoseEmojiMakeTheSmsTooLongAndStoresNothing() {
        request.put(
                "headline",
                ("🚨 " + "Heroin med nitazener i Oslo og Akershus, svært høy fare for overdose. ".repeat(2))
                        .substring(0, 130));

        assertThat(rejectedFields("en"))
                .containsExactly(Map.of(
                        "field",
                        "headline",
                        "message",
                        "makes the SMS longer than 3 parts; characters outside GSM-7 (such as emoji) make each part much"
                                + " shorter"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsEveryInvalidFieldAtOnceInTheClientsLanguage() {
        request.remove("headline");
        request.put("instruction", List.of());
        request.put("regions", List.of("NO-99"));
        request.put("web", "javascript:alert(1)");
        ((Map<String, Object>) request.get("english")).put("headline", " ");

        assertThat(rejectedFields("en"))
                .containsExactly(
                        Map.of("field", "english.headline", "message", "must not be blank"),
                        Map.of("field", "headline", "message", "must not be blank"),
                        Map.of("field", "instruction", "message", "must have at least one piece of advice"),
                        Map.of(
                                "field",
                                "regions[0]",
                                "message",
                                "Unknown region code 'NO-99'. Use NO, a county code NO-03…NO-56 or a four-digit"
                                        + " municipality number."),
                        Map.of("field", "web", "message", "must be a web address starting with http:// or https://"));
    }

    @Test
    void storesMarkupAsPlainTextAndGivesItBackUnchanged() {
        String script = "<script>alert('x')</script><b>Fet</b> & \"sitat\"";
        request.put("headline", "Advarsel " + script);
        request.put("instruction", List.of("<img src=x onerror=alert(1)>"));

        Map<String, Object> created = coordinator()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        Map<String, Object> draft = (Map<String, Object>) created.get("draft");
        assertThat(draft)
                .containsEntry("headline", "Advarsel " + script)
                .containsEntry("instruction", List.of("<img src=x onerror=alert(1)>"));
        assertThat(jdbc.sql("SELECT draft_json FROM alerts WHERE id = ?::uuid")
                        .param(created.get("id"))
                        .query(String.class)
                        .single())
                .contains("<script>alert('x')</script>");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("invalid JSON", "{\"severity\": \"Severe\","),
                Arguments.of("not an object", "[1, 2, 3]"),
                Arguments.of("empty body", ""),
                Arguments.of("severity of the wrong type", "{\"severity\": 5}"),
                Arguments.of("unknown severity", "{\"severity\": \"Catastrophic\"}"),
                Arguments.of("regions as a string", "{\"regions\": \"0301\"}"),
                Arguments.of("effective not a time", "{\"effective\": \"tomorrow\"}"),
                Arguments.of("instruction as a number", "{\"instruction\": 42}"),
                Arguments.of("nothing at all", "{}"),
                Arguments.of("null fields", "{\"headline\": null, \"regions\": null, \"instruction\": [null]}"),
                Arguments.of("huge headline", "{\"headline\": \"" + "x".repeat(100_000) + "\"}"),
                Arguments.of("huge description", "{\"description\": \"" + "å".repeat(200_000) + "\"}"),
                Arguments.of("too many advice lines", "{\"instruction\": [" + "\"råd\",".repeat(500) + "\"råd\"]}"),
                Arguments.of("unknown region", "{\"regions\": [\"NO-99\", \"<script>\"]}"),
                Arguments.of("script as web link", "{\"web\": \"javascript:alert(1)\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodyIsABadRequestProblemAndStoresNothing(String what, String body) {
        long alertsBefore = count("alerts");
        long auditBefore = count("alert_audit");

        Map<String, Object> problem = coordinator()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(malformedOver(body))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(problem.get("type"))
                .isIn("https://overdosevarsel.no/problems/validation", "https://overdosevarsel.no/problems/unreadable");
        assertThat(problem).doesNotContainKeys("trace", "exception");
        assertThat(count("alerts")).isEqualTo(alertsBefore);
        assertThat(count("alert_audit")).isEqualTo(auditBefore);
    }

    /** Field-level cases start from a valid body with one field spoilt; whole-body cases are sent as they are. */
    private String malformedOver(String body) {
        if (!body.startsWith("{\"") || !body.endsWith("}")) {
            return body;
        }
        String valid = new String(
                no.overdosevarsel.contracts.EventJson.write(AlertRequests.valid(marker)),
                java.nio.charset.StandardCharsets.UTF_8);
        return valid.substring(0, valid.length() - 1) + "," + body.substring(1);
    }

    /** Posts the request, expects a validation problem, checks that nothing was kept, and returns the field errors. */
    private List<Map<String, Object>> rejectedFields(String language) {
        long alertsBefore = count("alerts");

        Map<String, Object> problem = coordinator()
                .post()
                .uri("/api/alerts")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .body(request)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();

        assertThat(problem)
                .containsEntry("type", "https://overdosevarsel.no/problems/validation")
                .containsEntry("status", 400);
        assertNothingStoredOrPublished(alertsBefore);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        return errors;
    }

    private void assertNothingStoredOrPublished(long alertsBefore) {
        String containsMarker = "%" + marker + "%";
        assertThat(count("alerts")).isEqualTo(alertsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM alert_versions WHERE event_json LIKE ?")
                        .param(containsMarker)
                        .query(Long.class)
                        .single())
                .isZero();
        // Checked before the topic: the relay deletes a row only once the broker has it.
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE payload LIKE ?")
                        .param(containsMarker)
                        .query(Long.class)
                        .single())
                .isZero();
        try (AlertsTopic topic = alertsTopic()) {
            assertThat(topic.readAll())
                    .noneMatch(r -> r.value() != null && r.value().contains(marker));
        }
    }
}
