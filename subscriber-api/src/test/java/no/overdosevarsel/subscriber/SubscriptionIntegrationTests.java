package no.overdosevarsel.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.subscriber.security.Signer;
import no.overdosevarsel.testinfra.RealInfrastructure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
class SubscriptionIntegrationTests {

    private static final String PROBLEMS = "https://overdosevarsel.no/problems/";
    private static final Pattern NB_SMS = Pattern.compile(
            "Overdosevarsel: Koden din er (\\d{6})\\. Den gjelder i 15 minutter\\. Har du ikke bedt om dette, kan du se"
                    + " bort fra meldingen\\.");
    private static final Pattern EN_SMS = Pattern.compile(
            "Overdosevarsel: Your code is (\\d{6})\\. It is valid for 15 minutes\\. If you did not ask for this,"
                    + " you can ignore this message\\.");
    private static final Pattern ANY_CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final List<String> TABLES =
            List.of("subscriber", "subscriber_region", "contact_point", "verification", "outbox");

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Signer signer;

    private RestTestClient http;
    private TopicReader kafka;

    @BeforeEach
    void connect() {
        // The JDK's client, explicitly: Apache HttpClient, should a dependency bring it onto the classpath, would
        // silently retry a 429 after its Retry-After, repeating a request the test means to send once.
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
    void subscribingSendsACodeToEachContactPointAndASnapshotThatReachesNoOne() {
        Phone phone = Phone.random();
        String email = "Kari.Nordmann+" + UUID.randomUUID() + "@Example.NO";

        EntityExchangeResult<JsonNode> response = post("/api/subscribers", """
                {"name": "Kari Nordmann", "organisation": "Gatehospitalet", "phone": "%s", "email": "%s",
                 "regions": ["0301"], "channels": ["SMS", "EMAIL"]}
                """.formatted(phone.typed(), email));

        assertThat(response.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        String id = response.getResponseBody().get("id").asString();
        assertThat(response.getResponseHeaders().getLocation())
                .isEqualTo(URI.create("http://localhost:" + port + "/api/subscribers/" + id));
        assertThat(texts(response.getResponseBody().get("pendingVerification"))).containsExactly("SMS", "EMAIL");

        DirectMessage sms = kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class);
        assertThat(sms.purpose()).isEqualTo(DirectMessage.Purpose.VERIFICATION_CODE);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.to()).isEqualTo(phone.e164());
        assertThat(sms.language()).isEqualTo("nb");
        assertThat(sms.subject()).isNull();
        assertThat(sms.body()).matches(NB_SMS);
        assertThat(Duration.between(sms.createdAt(), sms.notAfter())).isEqualTo(Duration.ofMinutes(15));

        String normalisedEmail = email.replace("@Example.NO", "@example.no");
        DirectMessage mail = kafka.awaitValue(Topics.DIRECT_MESSAGES, normalisedEmail, DirectMessage.class);
        assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
        assertThat(mail.to()).isEqualTo(normalisedEmail);
        assertThat(mail.subject()).isEqualTo("Overdosevarsel: bekreft e-postadressen din");
        assertThat(mail.body()).contains("Koden din er " + code(mail) + ".");

        SubscriptionEvent snapshot = kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class);
        assertThat(snapshot.subscriberId()).hasToString(id);
        assertThat(snapshot.revision()).isEqualTo(1);
        assertThat(snapshot.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(snapshot.contactPoints()).isEmpty();
        assertThat(snapshot.regions()).containsExactly("0301");
        assertThat(snapshot.language()).isEqualTo("nb");
        assertThat(snapshot.minimumSeverity()).isEqualTo(Severity.Minor);
        assertThat(signer.verify("unsubscribe", snapshot.unsubscribeToken())).contains(id);

        assertThat(jdbc.sql("""
                        SELECT count(*) FROM verification v JOIN contact_point c ON c.id = v.contact_point_id
                        WHERE c.subscriber_id = :id AND octet_length(v.code_hash) = 32
                          AND position(convert_to(:sms, 'UTF8') in v.code_hash) = 0
                          AND position(convert_to(:mail, 'UTF8') in v.code_hash) = 0
                        """)
                        .param("id", UUID.fromString(id))
                        .param("sms", code(sms))
                        .param("mail", code(mail))
                        .query(Long.class)
                        .single())
                .as("one hashed code per contact point, neither stored in clear")
                .isEqualTo(2);
    }

    @Test
    void verifyingWithTheCodesFromTheMessagesPutsEachContactPointInTheNextSnapshot() {
        Phone phone = Phone.random();
        String email = "ola+" + UUID.randomUUID() + "@example.no";
        String id = subscribe("""
                {"name": "Ola", "phone": "%s", "email": "%s", "regions": ["NO-03", "4601"],
                 "channels": ["SMS", "EMAIL"], "language": "en", "minimumSeverity": "Severe"}
                """.formatted(phone.typed(), email));
        DirectMessage sms = kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class);
        assertThat(sms.body()).matches(EN_SMS);
        assertThat(sms.language()).isEqualTo("en");

        EntityExchangeResult<JsonNode> verified = verify(id, "SMS", code(sms));

        assertThat(verified.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode body = verified.getResponseBody();
        assertThat(body.get("id").asString()).isEqualTo(id);
        assertThat(body.get("channels")).hasSize(2);
        assertThat(body.get("channels").get(0).get("channel").asString()).isEqualTo("SMS");
        assertThat(body.get("channels").get(0).get("verified").asBoolean()).isTrue();
        assertThat(body.get("channels").get(0).get("verifiedAt").isString()).isTrue();
        assertThat(body.get("channels").get(1).get("channel").asString()).isEqualTo("EMAIL");
        assertThat(body.get("channels").get(1).get("verified").asBoolean()).isFalse();
        assertThat(body.get("channels").get(1).get("verifiedAt").isNull()).isTrue();

        SubscriptionEvent second = kafka.awaitValue(
                Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, snapshot -> snapshot.revision() == 2);
        assertThat(second.contactPoints()).containsExactly(new ContactPoint(Channel.SMS, phone.e164()));
        assertThat(second.language()).isEqualTo("en");
        assertThat(second.minimumSeverity()).isEqualTo(Severity.Severe);
        assertThat(second.regions()).containsExactly("4601", "NO-03");

        DirectMessage mail = kafka.awaitValue(Topics.DIRECT_MESSAGES, email, DirectMessage.class);
        assertThat(verify(id, "email", code(mail)).getStatus()).isEqualTo(HttpStatus.OK);

        SubscriptionEvent third = kafka.awaitValue(
                Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, snapshot -> snapshot.revision() == 3);
        assertThat(third.contactPoints())
                .containsExactly(new ContactPoint(Channel.SMS, phone.e164()), new ContactPoint(Channel.EMAIL, email));
    }

    @Test
    void aRepeatedVerificationAnswersTheSameAndChangesNothing() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));
        assertThat(verify(id, "SMS", code).getStatus()).isEqualTo(HttpStatus.OK);

        EntityExchangeResult<JsonNode> again = verify(id, "SMS", code);

        assertThat(again.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(again.getResponseBody()
                        .get("channels")
                        .get(0)
                        .get("verified")
                        .asBoolean())
                .isTrue();
        assertThat(verified(id)).isTrue();
        assertThat(revision(id)).isEqualTo(2);

        EntityExchangeResult<JsonNode> otherCode = verify(id, "SMS", otherThan(code));
        assertThat(otherCode.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(otherCode.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "verification-code-used");
    }

    @Test
    void anExpiredCodeIsRefusedEvenIfRight() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));
        jdbc.sql("""
                        UPDATE verification SET expires_at = now() - interval '1 second'
                        WHERE contact_point_id IN (SELECT id FROM contact_point WHERE subscriber_id = :id)
                        """).param("id", UUID.fromString(id)).update();

        EntityExchangeResult<JsonNode> expired = verify(id, "SMS", code);

        assertThat(expired.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(expired.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "verification-code-expired");
        assertThat(verified(id)).isFalse();
    }

    @Test
    void aCodeOfTheWrongShapeIsAFieldErrorAndNoAttempt() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));

        EntityExchangeResult<JsonNode> refused = verify(id, "SMS", "12345");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldErrors(refused.getResponseBody()))
                .containsExactly(Map.entry("code", "må være koden på seks sifre"));
        assertThat(verify(id, "SMS", code.substring(0, 3) + " " + code.substring(3))
                        .getStatus())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("""
                        SELECT attempts FROM verification
                        WHERE contact_point_id IN (SELECT id FROM contact_point WHERE subscriber_id = :id)
                        """)
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .as("only the well-formed attempt counts")
                .isEqualTo(1);
    }

    @Test
    void aWrongCodeIsRefusedAndVerifiesNothing() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));

        EntityExchangeResult<JsonNode> refused = verify(id, "SMS", otherThan(code));

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "verification-code-wrong");
        assertThat(refused.getResponseBody().get("title").asString()).isEqualTo("Feil kode");
        assertThat(refused.getResponseBody().get("detail").asString())
                .isEqualTo("Koden stemmer ikke. Du har 4 forsøk igjen.");
        assertThat(verified(id)).isFalse();
        assertThat(revision(id)).isEqualTo(1);
    }

    @Test
    void tooManyAttemptsBlockTheCodeEvenWhenTheRightOneFollows() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(verify(id, "SMS", otherThan(code)).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        }

        EntityExchangeResult<JsonNode> blocked = verify(id, "SMS", code);

        assertThat(blocked.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(blocked.getResponseBody().get("type").asString())
                .isEqualTo(PROBLEMS + "verification-attempts-exceeded");
        assertThat(verified(id)).isFalse();
        assertThat(revision(id)).isEqualTo(1);
    }

    @Test
    void verifyingAChannelWithoutAnAddressIsAFieldError() {
        Phone phone = Phone.random();
        String id = subscribe(smsOnly(phone));

        EntityExchangeResult<JsonNode> refused = verify(id, "EMAIL", "123456");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldErrors(refused.getResponseBody()))
                .containsExactly(Map.entry("channel", "abonnementet har ingen adresse for denne kanalen"));
    }

    @Test
    void verifyingAnUnknownSubscriberIsNotFound() {
        EntityExchangeResult<JsonNode> response = verify(UUID.randomUUID().toString(), "SMS", "123456");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "not-found");
        assertThat(response.getResponseBody().get("detail").asString()).isEqualTo("Fant ikke abonnementet.");
    }

    static Stream<Arguments> invalidSubscriptions() {
        String phone = Phone.random().typed();
        return Stream.of(
                Arguments.of(
                        "no contact point",
                        """
                        {"name": "Kari", "regions": ["0301"], "channels": ["SMS"]}""",
                        Map.of(
                                "phone", "oppgi et mobilnummer eller en e-postadresse",
                                "email", "oppgi et mobilnummer eller en e-postadresse")),
                Arguments.of(
                        "unknown region",
                        """
                        {"name": "Kari", "phone": "%s", "regions": ["0301", "9999"], "channels": ["SMS"]}
                        """.formatted(phone),
                        Map.of(
                                "regions[1]",
                                "Ukjent områdekode «9999». Bruk NO, en fylkeskode NO-03…NO-56 eller et firesifret"
                                        + " kommunenummer.")),
                Arguments.of("bad phone", """
                        {"name": "Kari", "phone": "123", "regions": ["0301"], "channels": ["SMS"]}
                        """, Map.of("phone", "er ikke et gyldig mobilnummer")),
                Arguments.of(
                        "several faults at once",
                        """
                        {"name": " ", "phone": "%s", "email": "kari@", "regions": [],
                         "channels": ["SMS", "EMAIL"], "language": "de"}""".formatted(phone),
                        Map.of(
                                "name", "må fylles ut",
                                "email", "er ikke en gyldig e-postadresse",
                                "regions", "må ha minst ett element",
                                "language", "må være nb (bokmål) eller en (engelsk)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubscriptions")
    void anInvalidSubscriptionIsRefusedWithFieldErrorsAndNothingIsStored(
            String fault, String body, Map<String, String> expectedErrors) {
        awaitOutboxPublished();
        Map<String, Long> before = rowCounts();

        EntityExchangeResult<JsonNode> response = post("/api/subscribers", body);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "validation");
        assertThat(response.getResponseBody().get("title").asString()).isEqualTo("Ugyldige opplysninger");
        assertThat(fieldErrors(response.getResponseBody())).containsExactlyInAnyOrderEntriesOf(expectedErrors);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void fieldErrorsAreInEnglishWhenAskedFor() {
        EntityExchangeResult<JsonNode> response = post("/api/subscribers", """
                {"name": "Kari", "phone": "123", "regions": ["0301", "9999"], "channels": ["SMS"]}""", "en");

        assertThat(response.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getResponseBody().get("title").asString()).isEqualTo("Invalid input");
        assertThat(fieldErrors(response.getResponseBody()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "phone",
                        "is not a valid mobile number",
                        "regions[1]",
                        "Unknown region code '9999'. Use NO, a county code NO-03…NO-56 or a four-digit municipality"
                                + " number."));
    }

    @Test
    void aRefusedSubscriptionSendsNoMessage() {
        Phone refused = Phone.random();
        String body = """
                {"name": "Kari", "phone": "%s", "regions": ["9999"], "channels": ["SMS"]}
                """.formatted(refused.typed());
        assertThat(post("/api/subscribers", body).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);

        // The relay publishes in outbox order: once a later subscription's message is out, an earlier one would be.
        Phone later = Phone.random();
        subscribe(smsOnly(later));
        kafka.awaitValue(Topics.DIRECT_MESSAGES, later.e164(), DirectMessage.class);

        assertThat(kafka.readToEnd().values(Topics.DIRECT_MESSAGES, refused.e164(), DirectMessage.class))
                .isEmpty();
    }

    @Test
    void onlySubscribingVerifyingHealthAndInfoArePublic() {
        assertThat(http.get().uri("/actuator/health").exchange().returnResult().getStatus())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.get().uri("/actuator/info").exchange().returnResult().getStatus())
                .isEqualTo(HttpStatus.OK);

        // Metrics are for operators with a token (AdminApiIntegrationTests has the ADMIN side).
        EntityExchangeResult<JsonNode> metrics =
                http.get().uri("/actuator/metrics").exchange().returnResult(JsonNode.class);
        assertThat(metrics.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(metrics.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "http-401");
        assertThat(metrics.getResponseBody().get("title").asString()).isEqualTo("Ikke innlogget");

        assertThat(http.get()
                        .uri("/api/subscribers/" + UUID.randomUUID())
                        .exchange()
                        .returnResult()
                        .getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/api/subscribers/" + UUID.randomUUID() + "/unsubscribe", "{}")
                        .getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String subscribe(String body) {
        EntityExchangeResult<JsonNode> response = post("/api/subscribers", body);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getResponseBody().get("id").asString();
    }

    private static String smsOnly(Phone phone) {
        return """
                {"name": "Kari", "phone": "%s", "regions": ["0301"], "channels": ["SMS"]}""".formatted(phone.typed());
    }

    private EntityExchangeResult<JsonNode> verify(String id, String channel, String code) {
        return post("/api/subscribers/" + id + "/verify", """
                {"channel": "%s", "code": "%s"}""".formatted(channel, code));
    }

    private EntityExchangeResult<JsonNode> post(String path, String json) {
        return post(path, json, null);
    }

    private EntityExchangeResult<JsonNode> post(String path, String json, @Nullable String language) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (language != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .body(json)
                .exchange()
                .returnResult(JsonNode.class);
    }

    private static String code(DirectMessage message) {
        Matcher matcher = ANY_CODE.matcher(message.body());
        assertThat(matcher.find()).as("a code in %s", message.body()).isTrue();
        return matcher.group(1);
    }

    private static String otherThan(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Map<String, String> fieldErrors(JsonNode problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.get("errors")
                .valueStream()
                .forEach(error -> errors.put(
                        error.get("field").asString(), error.get("message").asString()));
        return errors;
    }

    private long revision(String id) {
        return jdbc.sql("SELECT revision FROM subscriber WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private boolean verified(String id) {
        return jdbc.sql("SELECT bool_or(verified_at IS NOT NULL) FROM contact_point WHERE subscriber_id = :id")
                .param("id", UUID.fromString(id))
                .query(Boolean.class)
                .single();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    /** The relay deletes what it published; waiting for it keeps the outbox count still while a test counts. */
    private void awaitOutboxPublished() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM outbox")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** A Norwegian mobile number no other test uses, as a person might type it and as it is stored. */
    private record Phone(String typed, String e164) {

        static Phone random() {
            String digits = "9" + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
            String typed = digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
            return new Phone(typed, "+47" + digits);
        }
    }
}
