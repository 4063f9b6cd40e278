package no.overdosevarsel.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TestIssuer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class AdminApiIntegrationTests {

    private static final String PROBLEMS = "https://overdosevarsel.no/problems/";
    private static final Pattern ANY_CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https://varsel\\.example\\.no(/confirm/[A-Za-z0-9_.-]+)");

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private JdbcClient jdbc;

    private RestTestClient http;
    private TopicReader kafka;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
        kafka = new TopicReader(bootstrapServers, Topics.DIRECT_MESSAGES, Topics.SUBSCRIPTIONS);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void withoutATokenTheAdminApiAnswers401AndPublicEndpointsStillNeedNone() {
        EntityExchangeResult<JsonNode> response = get("/api/admin/subscribers", null);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer");
        assertThat(response.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "http-401");

        String forged = get("/api/admin/subscribers", "not-a-jwt").getStatus().toString();
        assertThat(forged).startsWith("401");

        assertThat(subscribe("Uten token", "0301", null, email()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void metricsAreForAdministratorsOnly() {
        String coordinator = TestIssuer.shared().token("per", List.of("COORDINATOR"), List.of("NO"));
        String admin = TestIssuer.shared().token("kari", List.of("ADMIN"), List.of("NO"));

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(coordinator))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("outbox_pending"));
    }

    @Test
    void aCoordinatorWithoutTheAdminRoleIsRefused() {
        String token = TestIssuer.shared().token("per", List.of("COORDINATOR", "APPROVER"), List.of("NO"));

        EntityExchangeResult<JsonNode> response = get("/api/admin/subscribers", token);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "http-403");
        assertThat(post("/api/admin/subscribers/" + UUID.randomUUID() + "/deactivate", "", token, null)
                        .getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdminSeesOnlySubscribersInTheirScopeWithContactPointsMasked() {
        String marker = "Scope-" + UUID.randomUUID();
        String osloEmail = email();
        String oslo = id(subscribe(marker + " Oslo", "0301", null, osloEmail));
        String tromso = id(subscribe(marker + " Tromsø", "5501", null, email()));
        String admin = adminToken("NO-03");

        JsonNode page = ok(get("/api/admin/subscribers?q=" + marker, admin));

        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        JsonNode found = page.get("items").get(0);
        assertThat(found.get("id").asString()).isEqualTo(oslo);
        assertThat(found.get("regions").get(0).asString()).isEqualTo("0301");
        JsonNode contact = found.get("contactPoints").get(0);
        assertThat(contact.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(contact.get("address").asString())
                .isEqualTo("a***@example.no")
                .isNotEqualTo(osloEmail);
        assertThat(contact.get("verified").asBoolean()).isFalse();
        assertThat(contact.get("addedBy").isNull()).isTrue();

        assertThat(ok(get("/api/admin/subscribers?q=" + osloEmail, admin))
                        .get("items")
                        .get(0)
                        .get("id")
                        .asString())
                .as("found by the whole address")
                .isEqualTo(oslo);
        assertThat(get("/api/admin/subscribers/" + tromso, admin).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/admin/subscribers/" + tromso + "/deactivate", "", admin, null)
                        .getStatus())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(tromso)).isEqualTo("ACTIVE");

        JsonNode national = ok(get("/api/admin/subscribers?q=" + marker, adminToken("NO")));
        assertThat(national.get("totalElements").asLong()).isEqualTo(2);
        JsonNode troms = ok(
                get("/api/admin/subscribers?region=NO-55&channel=email&status=active&q=" + marker, adminToken("NO")));
        assertThat(troms.get("totalElements").asLong()).isEqualTo(1);
        assertThat(troms.get("items").get(0).get("id").asString()).isEqualTo(tromso);
    }

    @Test
    void badSearchParametersAreFieldErrorsInTheClientsLanguage() {
        EntityExchangeResult<JsonNode> response = http.get()
                .uri("/api/admin/subscribers?channel=FAX&size=1000&region=9999")
                .headers(headers -> {
                    headers.setBearerAuth(adminToken("NO"));
                    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
                })
                .exchange()
                .returnResult(JsonNode.class);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = response.getResponseBody();
        assertThat(body.get("type").asString()).isEqualTo(PROBLEMS + "validation");
        assertThat(fields(body)).containsExactly("channel", "region", "size");
        assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo("must be SMS or EMAIL");
        assertThat(body.get("errors").get(2).get("message").asString())
                .isEqualTo("must be a whole number from 1 to 100");
    }

    @Test
    void countsPerRegionAndChannelTellPendingVerifiedAndActive() {
        // Molde: no other test subscribes there.
        String phone = phone();
        String first = id(subscribe("Telling 1", "1506", phone, email()));
        subscribe("Telling 2", "1506", null, email());
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone, DirectMessage.class));
        assertThat(post("/api/subscribers/" + first + "/verify", """
                        {"channel": "SMS", "code": "%s"}""".formatted(code), null, null)
                        .getStatus())
                .isEqualTo(HttpStatus.OK);
        String admin = adminToken("1506");

        JsonNode counts = ok(get("/api/admin/subscribers/counts", admin));

        assertThat(rows(counts))
                .containsExactly("1506 EMAIL pending=2 verified=0 active=0", "1506 SMS pending=0 verified=1 active=1");
        assertThat(counts.get(0).get("regionName").asString()).isEqualTo("Molde");

        ok(post("/api/admin/subscribers/" + first + "/deactivate", "", admin, null));

        assertThat(rows(ok(get("/api/admin/subscribers/counts", admin))))
                .containsExactly("1506 EMAIL pending=2 verified=0 active=0", "1506 SMS pending=0 verified=1 active=0");
        assertThat(ok(get("/api/admin/subscribers/counts", adminToken("5501"))).findValues("region").stream()
                        .map(JsonNode::asString))
                .doesNotContain("1506");
    }

    @Test
    void deactivatingPublishesASnapshotThatSaysSo() {
        String phone = phone();
        String id = id(subscribe("Deaktiveres", "0301", phone, null));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone, DirectMessage.class));
        ok(post("/api/subscribers/" + id + "/verify", """
                {"channel": "SMS", "code": "%s"}""".formatted(code), null, null));
        String admin = adminToken("NO-03");

        JsonNode deactivated = ok(post("/api/admin/subscribers/" + id + "/deactivate", "", admin, null));

        assertThat(deactivated.get("status").asString()).isEqualTo("INACTIVE");
        SubscriptionEvent snapshot = kafka.awaitValue(
                Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.status() == SubscriberStatus.INACTIVE);
        assertThat(snapshot.revision()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT deactivated_by FROM subscriber WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("kari");

        assertThat(ok(post("/api/admin/subscribers/" + id + "/deactivate", "", admin, null))
                        .get("status")
                        .asString())
                .as("repeating is harmless")
                .isEqualTo("INACTIVE");
    }

    @Test
    void anOrganisationAddedOnItsBehalfGetsNothingUntilThePersonConfirms() {
        String phone = phone();
        String email = email();
        String admin = adminToken("NO-03");

        EntityExchangeResult<JsonNode> response =
                post("/api/admin/subscribers", """
                {"name": "Vakttelefon", "organisation": "Gatehospitalet", "phone": "%s", "email": "%s",
                 "regions": ["0301"], "channels": ["SMS", "EMAIL"]}
                """.formatted(phone, email), admin, null);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        String id = id(response);
        DirectMessage sms = kafka.awaitValue(Topics.DIRECT_MESSAGES, phone, DirectMessage.class);
        assertThat(sms.purpose()).isEqualTo(DirectMessage.Purpose.CONFIRMATION_LINK);
        assertThat(sms.body()).contains("En koordinator har meldt dette nummeret på varsler", "for Oslo");
        DirectMessage mail = kafka.awaitValue(Topics.DIRECT_MESSAGES, email, DirectMessage.class);
        assertThat(mail.purpose()).isEqualTo(DirectMessage.Purpose.CONFIRMATION_LINK);
        assertThat(mail.subject()).isEqualTo("Overdosevarsel: bekreft at du vil ha varsler");
        SubscriptionEvent first = kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class);
        assertThat(first.contactPoints()).isEmpty();

        JsonNode stored = ok(get("/api/admin/subscribers/" + id, admin));
        assertThat(stored.get("organisation").asString()).isEqualTo("Gatehospitalet");
        assertThat(stored.get("contactPoints").findValues("addedBy").stream().map(JsonNode::asString))
                .containsExactly("kari", "kari");
        assertThat(stored.get("contactPoints").findValues("verified").stream().map(JsonNode::asBoolean))
                .containsExactly(false, false);

        String link = link(mail);
        assertThat(http.post()
                        .uri(link + "x")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus())
                .as("altered link")
                .isEqualTo(HttpStatus.FORBIDDEN);
        EntityExchangeResult<String> page = http.get().uri(link).exchange().returnResult(String.class);
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseBody()).contains("<form method=\"post\">");
        assertThat(ok(get("/api/admin/subscribers/" + id, admin)).get("contactPoints").findValues("verified").stream()
                        .map(JsonNode::asBoolean))
                .as("opening the link confirms nothing")
                .containsExactly(false, false);

        EntityExchangeResult<String> confirmed =
                http.post().uri(link).exchange().returnResult(String.class);

        assertThat(confirmed.getStatus()).isEqualTo(HttpStatus.OK);
        SubscriptionEvent second =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 2);
        assertThat(second.contactPoints()).containsExactly(new ContactPoint(Channel.EMAIL, email));
    }

    @Test
    void anAdminCannotAddAnOrganisationOutsideTheirScope() {
        String email = email();

        EntityExchangeResult<JsonNode> response =
                post("/api/admin/subscribers", """
                {"name": "Utenfor", "email": "%s", "regions": ["0301", "5501"], "channels": ["EMAIL"]}
                """.formatted(email), adminToken("NO-03"), "en");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getResponseBody())).containsExactly("regions[1]");
        assertThat(response.getResponseBody()
                        .get("errors")
                        .get(0)
                        .get("message")
                        .asString())
                .isEqualTo("is outside the regions you have access to");
        assertThat(jdbc.sql("SELECT count(*) FROM contact_point WHERE address = :address")
                        .param("address", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static String adminToken(String... scope) {
        return TestIssuer.shared().token("kari", List.of("ADMIN"), List.of(scope));
    }

    private EntityExchangeResult<JsonNode> subscribe(
            String name, String region, @Nullable String phone, @Nullable String email) {
        List<String> channels = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"name\": \"" + name + "\", \"regions\": [\"" + region + "\"]");
        if (phone != null) {
            json.append(", \"phone\": \"").append(phone).append('"');
            channels.add("\"SMS\"");
        }
        if (email != null) {
            json.append(", \"email\": \"").append(email).append('"');
            channels.add("\"EMAIL\"");
        }
        json.append(", \"channels\": [").append(String.join(", ", channels)).append("]}");
        EntityExchangeResult<JsonNode> response = post("/api/subscribers", json.toString(), null, null);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        return response;
    }

    private EntityExchangeResult<JsonNode> get(String path, @Nullable String token) {
        return http.get()
                .uri(path)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                })
                .exchange()
                .returnResult(JsonNode.class);
    }

    private EntityExchangeResult<JsonNode> post(
            String path, String json, @Nullable String token, @Nullable String language) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                    if (language != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .body(json)
                .exchange()
                .returnResult(JsonNode.class);
    }

    private static JsonNode ok(EntityExchangeResult<JsonNode> response) {
        assertThat(response.getStatus()).as("%s", response.getResponseBody()).isEqualTo(HttpStatus.OK);
        return response.getResponseBody();
    }

    private static String id(EntityExchangeResult<JsonNode> response) {
        return response.getResponseBody().get("id").asString();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM subscriber WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValues("field").stream()
                .map(JsonNode::asString)
                .toList();
    }

    private static List<String> rows(JsonNode counts) {
        List<String> rows = new ArrayList<>();
        counts.forEach(row ->
                rows.add(row.get("region").asString() + " " + row.get("channel").asString()
                        + " pending=" + row.get("pending").asLong() + " verified="
                        + row.get("verified").asLong()
                        + " active=" + row.get("active").asLong()));
        return rows;
    }

    private static String code(DirectMessage message) {
        Matcher matcher = ANY_CODE.matcher(message.body());
        assertThat(matcher.find()).as("a code in %s", message.body()).isTrue();
        return matcher.group(1);
    }

    private static String link(DirectMessage message) {
        Matcher matcher = CONFIRM_LINK.matcher(message.body());
        assertThat(matcher.find()).as("a link in %s", message.body()).isTrue();
        return matcher.group(1);
    }

    private static String email() {
        return "a" + UUID.randomUUID().toString().replace("-", "") + "@example.no";
    }

    /** In E.164, as stored and as the key of its messages. */
    private static String phone() {
        return "+479" + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
