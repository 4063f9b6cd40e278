package no.overdosevarsel.dispatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.dispatch.DispatchTestSupport;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TestIssuer;
import no.overdosevarsel.testinfra.TwilioStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The delivery report after a real fan-out (Kafka, PostgreSQL, the Twilio stub refusing one number), and who may see
 * it. One alert is fanned out once for the whole class; each test reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryReportIntegrationTests {

    static final TwilioStub twilio = new TwilioStub();

    static final List<String> PHONES = List.of("+4790000011", "+4790000022", "+4790000033");
    static final List<String> EMAILS = List.of("kari@oslo.example.no", "ola@oslo.example.no", "per@oslo.example.no");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        DispatchTestSupport.twilioProvider(registry, twilio);
        // One request at a time, so that "the first request" the stub refuses is exactly one message.
        registry.add("overdosevarsel.sms.concurrency", () -> "1");
        registry.add("overdosevarsel.email.provider", () -> "local");
        registry.add("overdosevarsel.delivery.poll-interval", () -> "200ms");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    AlertEvent alert;
    RestClient http;

    @BeforeAll
    void fanOutOneAlertWithOneRefusedNumber() {
        http = RestClient.create("http://127.0.0.1:" + port);
        try (DispatchTestSupport kafka = new DispatchTestSupport(bootstrapServers)) {
            for (int i = 0; i < PHONES.size(); i++) {
                kafka.publishSubscriber(DispatchTestSupport.subscriber(PHONES.get(i), EMAILS.get(i), "0301"));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("SELECT count(*) FROM subscriber")
                                    .query(Long.class)
                                    .single()
                            >= 3);

            // Twilio refuses the first number it is asked to send to as invalid, and accepts the rest.
            twilio.failThenAccept(1, 400, 21211);
            alert = DispatchTestSupport.alert("Nitazener solgt som heroin i Oslo", "NO-03");
            kafka.publishAlert(alert);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND status <> 'PENDING'")
                                .param(alert.alertId())
                                .query(Long.class)
                                .single()
                        == 6);
    }

    @AfterAll
    static void stopStub() {
        twilio.close();
    }

    @Test
    void reportCountsEveryDeliveryByChannelAndStatusAndExplainsTheFailure() {
        ResponseEntity<String> response = get("/api/alerts/" + alert.alertId() + "/deliveries", coordinator("NO-03"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.path("alertId").asString()).isEqualTo(alert.alertId().toString());
        assertThat(report.path("versions")).hasSize(1);
        JsonNode version = report.path("versions").get(0);
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("msgType").asString()).isEqualTo("Alert");
        assertThat(version.path("deliveries").path("total").asLong()).isEqualTo(6);
        assertThat(version.path("deliveries").path("byStatus").path("sent").asLong())
                .isEqualTo(5);
        assertThat(version.path("deliveries").path("byStatus").path("rejected").asLong())
                .isEqualTo(1);
        assertThat(version.path("deliveries").path("byStatus").path("pending").asLong())
                .isZero();
        assertThat(version.path("deliveries").path("firstSent").isNull()).isFalse();
        assertThat(version.path("publicationToFirstSend").asString()).startsWith("PT");
        assertThat(version.path("publicationToLastSend").asString()).startsWith("PT");

        JsonNode sms = channel(version, "SMS");
        assertThat(sms.path("total").asLong()).isEqualTo(3);
        assertThat(sms.path("byStatus").path("sent").asLong()).isEqualTo(2);
        assertThat(sms.path("byStatus").path("rejected").asLong()).isEqualTo(1);
        JsonNode email = channel(version, "EMAIL");
        assertThat(email.path("total").asLong()).isEqualTo(3);
        assertThat(email.path("byStatus").path("sent").asLong()).isEqualTo(3);

        String refused = jdbc.sql("SELECT address FROM delivery WHERE alert_id = ? AND status = 'REJECTED'")
                .param(alert.alertId())
                .query(String.class)
                .single();
        JsonNode failures = version.path("failures");
        assertThat(failures.path("total").asLong()).isEqualTo(1);
        assertThat(failures.path("truncated").asBoolean()).isFalse();
        JsonNode reason = failures.path("byReason").get(0);
        assertThat(reason.path("channel").asString()).isEqualTo("SMS");
        assertThat(reason.path("status").asString()).isEqualTo("rejected");
        assertThat(reason.path("provider").asString()).isEqualTo("twilio");
        assertThat(reason.path("errorCode").asString()).isEqualTo("21211");
        assertThat(reason.path("count").asLong()).isEqualTo(1);
        JsonNode failure = failures.path("listed").get(0);
        assertThat(failure.path("channel").asString()).isEqualTo("SMS");
        assertThat(failure.path("errorCode").asString()).isEqualTo("21211");
        assertThat(failure.path("message").asString()).isEqualTo("invalid number");
        assertThat(failure.path("recipient").asString()).isEqualTo("******" + refused.substring(refused.length() - 2));
    }

    @Test
    void gaugesShowTimeFromPublicationToFirstAndLastSendOfTheLatestAlert() {
        TimeGauge first =
                meters.get("overdosevarsel.alert.publication-to-first-send").timeGauge();
        TimeGauge last =
                meters.get("overdosevarsel.alert.publication-to-last-send").timeGauge();

        assertThat(first.value(TimeUnit.SECONDS)).isNotNaN().isPositive();
        assertThat(last.value(TimeUnit.SECONDS)).isNotNaN().isGreaterThanOrEqualTo(first.value(TimeUnit.SECONDS));
    }

    @Test
    void reportNamesNoFullPhoneNumberOrEmailAddress() {
        String body = get("/api/alerts/" + alert.alertId() + "/deliveries", coordinator("NO"))
                .getBody();

        assertThat(body).isNotNull();
        PHONES.forEach(phone -> assertThat(body).doesNotContain(phone, phone.substring(3)));
        EMAILS.forEach(address -> assertThat(body).doesNotContain(address));
        assertThat(body).doesNotContain("kari@", "ola@", "per@");
    }

    @Test
    void oneVersionCanBeAskedForAndAnUnknownVersionIsNotFound() {
        JsonNode one = json(get("/api/alerts/" + alert.alertId() + "/versions/1/deliveries", coordinator("0301")));
        assertThat(one.path("versions")).hasSize(1);
        assertThat(one.path("versions").get(0).path("deliveries").path("total").asLong())
                .isEqualTo(6);

        ResponseEntity<String> missing =
                get("/api/alerts/" + alert.alertId() + "/versions/9/deliveries", coordinator("NO-03"));
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void withoutATokenTheAnswerIsAnUnauthorizedProblem() {
        ResponseEntity<String> response = get("/api/alerts/" + alert.alertId() + "/deliveries", null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(response).path("type").asString()).isEqualTo("https://overdosevarsel.no/problems/http-401");
    }

    @Test
    void coordinatorOutsideTheAlertsRegionsIsRefusedWithAProblemInTheirLanguage() {
        // Vestland does not overlap Oslo.
        ResponseEntity<String> response =
                get("/api/alerts/" + alert.alertId() + "/deliveries", coordinator("NO-46"), "en");

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://overdosevarsel.no/problems/out-of-scope");
        assertThat(problem.path("title").asString()).isEqualTo("Outside your scope");
        assertThat(problem.path("detail").asString()).contains("no region in your scope");
        assertThat(response.getBody()).doesNotContain("******");
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        assertThat(get("/actuator/prometheus", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", coordinator("NO"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> scrape =
                get("/actuator/prometheus", TestIssuer.shared().token("ops", List.of("ADMIN"), List.of("NO")));
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains("overdosevarsel_deliveries");
    }

    @Test
    void tokenWithoutACoordinatorRoleIsForbidden() {
        String token = TestIssuer.shared().token("lise", List.of(), List.of("NO-03"));

        ResponseEntity<String> response = get("/api/alerts/" + alert.alertId() + "/deliveries", token);

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(json(response).path("type").asString()).isEqualTo("https://overdosevarsel.no/problems/http-403");
    }

    @Test
    void unknownAlertIsNotFound() {
        ResponseEntity<String> unknown = get("/api/alerts/" + UUID.randomUUID() + "/deliveries", coordinator("NO"));
        ResponseEntity<String> malformed = get("/api/alerts/not-an-id/deliveries", coordinator("NO"));

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        JsonNode problem = json(unknown);
        assertThat(problem.path("type").asString()).isEqualTo("https://overdosevarsel.no/problems/not-found");
        assertThat(problem.path("detail").asString()).startsWith("Fant ikke varselet");
        assertThat(malformed.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void publicFeedsNeedNoTokenAndIgnoreABadOne() {
        ResponseEntity<String> anonymous = get("/feeds/NO-03.rss", null);
        ResponseEntity<String> badToken = get("/feeds/NO-03.rss", "not-a-jwt");

        assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
        assertThat(badToken.getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/anything-else", coordinator("NO")).getStatusCode().value())
                .isEqualTo(403);
    }

    private static String coordinator(String scope) {
        return TestIssuer.shared().token("kari", List.of("COORDINATOR"), List.of(scope));
    }

    private ResponseEntity<String> get(String path, String token) {
        return get(path, token, "nb");
    }

    private ResponseEntity<String> get(String path, String token, String language) {
        return http.get()
                .uri(path)
                .headers(headers -> {
                    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toEntity(String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }

    private static JsonNode channel(JsonNode version, String channel) {
        for (JsonNode candidate : version.path("channels")) {
            if (candidate.path("channel").asString().equals(channel)) {
                return candidate.path("deliveries");
            }
        }
        throw new AssertionError("no channel " + channel + " in " + version);
    }
}
