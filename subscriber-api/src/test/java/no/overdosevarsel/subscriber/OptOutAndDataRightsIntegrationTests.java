package no.overdosevarsel.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.feedback.ContactFeedback;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.RealInfrastructure;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Opting out (SMS keywords, one-click email unsubscribe, provider feedback), subscribing by SMS keyword, and a person's
 * rights over their data. Same configuration as {@link SubscriptionIntegrationTests}, so the same context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OptOutAndDataRightsIntegrationTests {

    private static final String PROBLEMS = "https://overdosevarsel.no/problems/";
    private static final String WEBHOOK = "/webhooks/twilio/sms";
    /** The public URL Twilio is configured with, and signs: src/test/resources/application.properties. */
    private static final String PUBLIC_WEBHOOK_URL = "https://varsel.example.no" + WEBHOOK;

    private static final Pattern ANY_CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final Pattern MANAGE_LINK =
            Pattern.compile("https://varsel\\.example\\.no/manage/([A-Za-z0-9_.-]+)");

    @LocalServerPort
    private int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${overdosevarsel.twilio.auth-token}")
    private String twilioAuthToken;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private KafkaTemplate<String, byte[]> kafkaTemplate;

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

    // --- SMS keywords ---------------------------------------------------------------------------------------------

    @Test
    void aSignedStopOptsTheNumberOutAndTheNextSnapshotLeavesItOut() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);

        EntityExchangeResult<String> response = twilio(phone, "  Stopp ", PUBLIC_WEBHOOK_URL, twilioAuthToken);

        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(response.getResponseBody()).contains("<Response></Response>");
        SubscriptionEvent snapshot =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 3);
        assertThat(snapshot.contactPoints()).isEmpty();
        assertThat(optedOut(id, Channel.SMS)).isTrue();
        DirectMessage confirmation = kafka.awaitValue(
                Topics.DIRECT_MESSAGES,
                phone.e164(),
                DirectMessage.class,
                m -> m.purpose() == DirectMessage.Purpose.OPT_OUT_CONFIRMATION);
        assertThat(confirmation.body())
                .isEqualTo("Overdosevarsel: Du er meldt av og får ingen flere varsler på SMS. Send START for å melde"
                        + " deg på igjen.");
    }

    @Test
    void startResumesANumberThatHadBeenConfirmedAndStopped() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);
        assertThat(twilio(phone, "STOP", PUBLIC_WEBHOOK_URL, twilioAuthToken).getStatus())
                .isEqualTo(HttpStatus.OK);

        assertThat(twilio(phone, "start", PUBLIC_WEBHOOK_URL, twilioAuthToken).getStatus())
                .isEqualTo(HttpStatus.OK);

        SubscriptionEvent snapshot =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 4);
        assertThat(snapshot.contactPoints()).containsExactly(new ContactPoint(Channel.SMS, phone.e164()));
        assertThat(reply(phone, "Du får varsler på SMS igjen")).isNotNull();
    }

    @Test
    void anUnsignedOrWronglySignedWebhookIsRefusedAndChangesNothing() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);
        String serverOwnUrl = "http://localhost:" + port + WEBHOOK;

        List<EntityExchangeResult<String>> refused = List.of(
                twilio(phone, "STOP", null, null),
                twilio(phone, "STOP", PUBLIC_WEBHOOK_URL, "not-the-auth-token"),
                twilio(phone, "STOP", serverOwnUrl, twilioAuthToken),
                twilioTampered(phone, "STOP", "START"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getResponseBody()).contains(PROBLEMS + "twilio-signature-invalid");
        });
        assertThat(optedOut(id, Channel.SMS)).isFalse();
        assertThat(revision(id)).isEqualTo(2);
    }

    @Test
    void varselTromsoFromANewNumberMakesAPendingSubscriptionFor5501AndAsksForConfirmation() {
        Phone phone = Phone.random();

        assertThat(twilio(phone, "VARSEL TROMSO", PUBLIC_WEBHOOK_URL, twilioAuthToken)
                        .getStatus())
                .isEqualTo(HttpStatus.OK);

        String id = jdbc.sql("SELECT subscriber_id FROM contact_point WHERE address = :address")
                .param("address", phone.e164())
                .query(UUID.class)
                .single()
                .toString();
        assertThat(regions(id)).containsExactly("5501");
        assertThat(verified(id)).isFalse();
        DirectMessage request = kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class);
        assertThat(request.purpose()).isEqualTo(DirectMessage.Purpose.VERIFICATION_CODE);
        assertThat(request.channel()).isEqualTo(Channel.SMS);
        assertThat(request.body())
                .matches("Overdosevarsel: Svar med koden \\d{6} for å få varsler for Tromsø\\. Koden gjelder i 15"
                        + " minutter\\. Ikke deg\\? Se bort fra meldingen\\.");
        SubscriptionEvent pending = kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class);
        assertThat(pending.regions()).containsExactly("5501");
        assertThat(pending.contactPoints()).isEmpty();

        twilio(phone, "ja " + code(request), PUBLIC_WEBHOOK_URL, twilioAuthToken);

        SubscriptionEvent confirmed =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 2);
        assertThat(confirmed.contactPoints()).containsExactly(new ContactPoint(Channel.SMS, phone.e164()));
        assertThat(reply(phone, "Bekreftet. Du får nå varsler for Tromsø på SMS."))
                .isNotNull();
    }

    @Test
    void anUnknownPlaceIsAnsweredWithCloseMatchesAndSubscribesNobody() {
        Phone phone = Phone.random();

        twilio(phone, "varsel Trøndhiem", PUBLIC_WEBHOOK_URL, twilioAuthToken);

        DirectMessage answer = kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class);
        assertThat(answer.purpose()).isEqualTo(DirectMessage.Purpose.KEYWORD_REPLY);
        assertThat(answer.body()).startsWith("Overdosevarsel: Fant ikke \"TRØNDHIEM\". Mente du Trondheim (5001)");
        assertThat(answer.body()).hasSizeLessThanOrEqualTo(160);
        assertThat(jdbc.sql("SELECT count(*) FROM contact_point WHERE address = :address")
                        .param("address", phone.e164())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void helpSaysWhatThisIsAndHowToStopInTheKeywordsLanguage() {
        Phone norwegian = Phone.random();
        Phone english = Phone.random();

        twilio(norwegian, "hjelp", PUBLIC_WEBHOOK_URL, twilioAuthToken);
        twilio(english, " HELP", PUBLIC_WEBHOOK_URL, twilioAuthToken);

        assertThat(kafka.awaitValue(Topics.DIRECT_MESSAGES, norwegian.e164(), DirectMessage.class)
                        .body())
                .contains("varsler om farlige rusmidler", "STOPP for å melde deg av");
        DirectMessage help = kafka.awaitValue(Topics.DIRECT_MESSAGES, english.e164(), DirectMessage.class);
        assertThat(help.language()).isEqualTo("en");
        assertThat(help.body()).contains("alerts about dangerous drugs", "STOP to unsubscribe");
    }

    // --- Email one-click unsubscribe ------------------------------------------------------------------------------

    @Test
    void oneClickUnsubscribeWithAValidTokenStopsEmailAlerts() {
        String email = "kari+" + UUID.randomUUID() + "@example.no";
        String id = subscribeAndVerifyEmail(email);
        String token = kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 2)
                .unsubscribeToken();

        EntityExchangeResult<String> page =
                http.get().uri("/unsubscribe/" + token).exchange().returnResult(String.class);
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getResponseBody())
                .contains("<html lang=\"nb\">", "<form method=\"post\">", "<button type=\"submit\">Meld meg av")
                .contains("<section lang=\"en\">");
        assertThat(optedOut(id, Channel.EMAIL)).as("GET changes nothing").isFalse();
        assertThat(revision(id)).isEqualTo(2);

        EntityExchangeResult<String> oneClick = http.post()
                .uri("/unsubscribe/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("List-Unsubscribe=One-Click")
                .exchange()
                .returnResult(String.class);

        assertThat(oneClick.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(optedOut(id, Channel.EMAIL)).isTrue();
        assertThat(kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 3)
                        .contactPoints())
                .isEmpty();
        assertThat(http.post()
                        .uri("/unsubscribe/" + token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body("List-Unsubscribe=One-Click")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus())
                .as("repeating it is no error")
                .isEqualTo(HttpStatus.OK);
        assertThat(revision(id)).isEqualTo(3);
    }

    @Test
    void aTamperedOrForeignUnsubscribeTokenIsRefusedAndChangesNothing() {
        String email = "ola+" + UUID.randomUUID() + "@example.no";
        String id = subscribeAndVerifyEmail(email);
        String token = kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 2)
                .unsubscribeToken();
        String mac = token.substring(token.indexOf('.') + 1);
        String otherSubscriber = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                + "." + mac;
        // A character inside the MAC: the last one also carries padding bits that decoding ignores.
        int inside = token.indexOf('.') + 5;
        String flipped =
                token.substring(0, inside) + (token.charAt(inside) == 'A' ? 'B' : 'A') + token.substring(inside + 1);

        for (String forged : List.of(otherSubscriber, flipped, "not-a-token")) {
            EntityExchangeResult<JsonNode> post = http.post()
                    .uri("/unsubscribe/" + forged)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("List-Unsubscribe=One-Click")
                    .exchange()
                    .returnResult(JsonNode.class);
            assertThat(post.getStatus()).as(forged).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "unsubscribe-token-invalid");
            assertThat(http.get()
                            .uri("/unsubscribe/" + forged)
                            .exchange()
                            .returnResult(String.class)
                            .getStatus())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(optedOut(id, Channel.EMAIL)).isFalse();
        assertThat(revision(id)).isEqualTo(2);
    }

    // --- Provider feedback ----------------------------------------------------------------------------------------

    @Test
    void optedOutFeedbackRemovesTheContactPointFromTheSnapshotOnce() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);
        ContactFeedback optedOut = feedback(ContactFeedback.Kind.OPTED_OUT, phone.e164(), UUID.fromString(id));

        publish(optedOut);
        publish(optedOut);

        SubscriptionEvent snapshot =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 3);
        assertThat(snapshot.contactPoints()).isEmpty();
        assertThat(optedOut(id, Channel.SMS)).isTrue();

        // Records of one key are consumed in order: once a later feedback is applied, the duplicate was handled.
        ContactFeedback undeliverable = feedback(ContactFeedback.Kind.UNDELIVERABLE, phone.e164(), null);
        publish(undeliverable);
        await().atMost(Duration.ofSeconds(30)).until(() -> undeliverable(id));
        assertThat(jdbc.sql("SELECT count(*) FROM processed_feedback WHERE feedback_id IN (:ids)")
                        .param("ids", List.of(optedOut.feedbackId(), undeliverable.feedbackId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(revision(id))
                .as("the duplicate changed nothing; undeliverable raised it once")
                .isEqualTo(4);
    }

    // --- Data rights ----------------------------------------------------------------------------------------------

    @Test
    void erasureThroughAManageLinkLeavesNoPersonalDataAndPublishesATombstone() {
        Phone phone = Phone.random();
        String email = "erase+" + UUID.randomUUID() + "@example.no";
        String id = subscribe("""
                {"name": "Eirik Eksempel", "organisation": "Lavterskel Nord", "phone": "%s", "email": "%s",
                 "regions": ["5501"], "channels": ["SMS", "EMAIL"]}""".formatted(phone.typed(), email));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));
        assertThat(verify(id, "SMS", code).getStatus()).isEqualTo(HttpStatus.OK);

        EntityExchangeResult<JsonNode> asked = post("/api/subscribers/manage-link", """
                {"phone": "%s"}""".formatted(phone.typed()));
        assertThat(asked.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        DirectMessage link = kafka.awaitValue(
                Topics.DIRECT_MESSAGES,
                phone.e164(),
                DirectMessage.class,
                m -> m.purpose() == DirectMessage.Purpose.MANAGE_LINK);
        Matcher matcher = MANAGE_LINK.matcher(link.body());
        assertThat(matcher.find()).as(link.body()).isTrue();
        String token = matcher.group(1);

        EntityExchangeResult<JsonNode> export =
                http.get().uri("/api/manage/" + token).exchange().returnResult(JsonNode.class);
        assertThat(export.getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode subscriber = export.getResponseBody().get("subscribers").get(0);
        assertThat(subscriber.get("id").asString()).isEqualTo(id);
        assertThat(subscriber.get("name").asString()).isEqualTo("Eirik Eksempel");
        assertThat(subscriber.get("regions").get(0).get("name").asString()).isEqualTo("Tromsø");
        assertThat(subscriber.get("contactPoints").findValuesAsString("address"))
                .containsExactly(phone.e164(), email);
        assertThat(export.getResponseBody().toString()).doesNotContain("code_hash", "codeHash");

        EntityExchangeResult<String> erased =
                http.delete().uri("/api/manage/" + token).exchange().returnResult(String.class);

        assertThat(erased.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
        kafka.awaitTombstone(Topics.SUBSCRIPTIONS, id);
        awaitOutboxPublished();
        assertThat(rowsMentioning(id, phone.e164(), phone.digits(), email, "Eirik Eksempel", "Lavterskel Nord"))
                .as("rows in any table that still hold their data")
                .isEmpty();
        assertThat(http.get()
                        .uri("/api/manage/" + token)
                        .exchange()
                        .returnResult(JsonNode.class)
                        .getResponseBody()
                        .get("subscribers"))
                .isEmpty();
    }

    @Test
    void theManageLinkOpensAPageShowingTheDataWhoseButtonErasesIt() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);
        post("/api/subscribers/manage-link", """
                {"phone": "%s"}""".formatted(phone.e164()));
        DirectMessage link = kafka.awaitValue(
                Topics.DIRECT_MESSAGES,
                phone.e164(),
                DirectMessage.class,
                m -> m.purpose() == DirectMessage.Purpose.MANAGE_LINK);
        assertThat(link.body()).startsWith("Overdosevarsel: Se, last ned eller slett dataene dine her: https://");
        Matcher matcher = MANAGE_LINK.matcher(link.body());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);

        EntityExchangeResult<String> page =
                http.get().uri("/manage/" + token).exchange().returnResult(String.class);

        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(page.getResponseBody())
                .contains("<h1>Abonnementet ditt</h1>", "SMS " + phone.e164(), "Oslo")
                .contains("href=\"../api/manage/" + token + "\"", "action=\"" + token + "/erase\"");

        EntityExchangeResult<String> erased =
                http.post().uri("/manage/" + token + "/erase").exchange().returnResult(String.class);

        assertThat(erased.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(erased.getResponseBody()).contains("<h1>Slettet</h1>");
        kafka.awaitTombstone(Topics.SUBSCRIPTIONS, id);
        assertThat(jdbc.sql("SELECT count(*) FROM subscriber WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aManageLinkChangesPreferencesAndTheNextSnapshotShowsThem() {
        Phone phone = Phone.random();
        String id = subscribeAndVerifySms(phone);
        post("/api/subscribers/manage-link", """
                {"phone": "%s"}""".formatted(phone.e164()));
        Matcher matcher = MANAGE_LINK.matcher(kafka.awaitValue(
                        Topics.DIRECT_MESSAGES,
                        phone.e164(),
                        DirectMessage.class,
                        m -> m.purpose() == DirectMessage.Purpose.MANAGE_LINK)
                .body());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);

        EntityExchangeResult<JsonNode> invalid = patch("/api/manage/" + token, """
                {"regions": ["0301", "9999"], "language": "de"}""");
        assertThat(invalid.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getResponseBody().get("errors").findValuesAsString("field"))
                .containsExactly("language", "regions[1]");
        assertThat(revision(id)).isEqualTo(2);

        EntityExchangeResult<JsonNode> changed = patch("/api/manage/" + token, """
                {"regions": ["NO-46", "4601"], "language": "en", "minimumSeverity": "severe"}""");

        assertThat(changed.getStatus()).isEqualTo(HttpStatus.OK);
        SubscriptionEvent snapshot =
                kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 3);
        assertThat(snapshot.regions()).containsExactly("4601", "NO-46");
        assertThat(snapshot.language()).isEqualTo("en");
        assertThat(snapshot.minimumSeverity()).isEqualTo(Severity.Severe);
        assertThat(snapshot.contactPoints()).containsExactly(new ContactPoint(Channel.SMS, phone.e164()));
        assertThat(regions(id)).containsExactlyInAnyOrder("4601", "NO-46");
    }

    @Test
    void aManageLinkRequestAnswersTheSameForUnknownAddressesAndATamperedLinkIsRefused() {
        Phone known = Phone.random();
        subscribeAndVerifySms(known);
        Phone unknown = Phone.random();

        EntityExchangeResult<JsonNode> forKnown = post("/api/subscribers/manage-link", """
                {"phone": "%s"}""".formatted(known.typed()));
        EntityExchangeResult<JsonNode> forUnknown =
                post("/api/subscribers/manage-link", """
                {"phone": "%s"}""".formatted(unknown.typed()));

        assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(forUnknown.getResponseBody()).isEqualTo(forKnown.getResponseBody());
        DirectMessage link = kafka.awaitValue(
                Topics.DIRECT_MESSAGES,
                known.e164(),
                DirectMessage.class,
                m -> m.purpose() == DirectMessage.Purpose.MANAGE_LINK);
        assertThat(kafka.readToEnd().values(Topics.DIRECT_MESSAGES, unknown.e164(), DirectMessage.class))
                .isEmpty();

        Matcher matcher = MANAGE_LINK.matcher(link.body());
        assertThat(matcher.find()).isTrue();
        String tampered = matcher.group(1).replaceFirst("^.", matcher.group(1).startsWith("d") ? "e" : "d");
        EntityExchangeResult<JsonNode> refused =
                http.delete().uri("/api/manage/" + tampered).exchange().returnResult(JsonNode.class);
        assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "manage-link-invalid");
        assertThat(jdbc.sql("SELECT count(*) FROM contact_point WHERE address = :address")
                        .param("address", known.e164())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void oneNumberCanBeNamedOnlyAFewTimesAnHourAndTheFourthAttemptIsTooManyRequests() {
        Phone phone = Phone.random();
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/subscribers", smsOnly(phone)).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        }

        EntityExchangeResult<JsonNode> fourth = post("/api/subscribers", smsOnly(phone));

        assertThat(fourth.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(fourth.getResponseBody().get("type").asString()).isEqualTo(PROBLEMS + "rate-limited");
        assertThat(Long.parseLong(fourth.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 3600L);
        assertThat(jdbc.sql("SELECT count(*) FROM contact_point WHERE address = :address")
                        .param("address", phone.e164())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String subscribeAndVerifySms(Phone phone) {
        String id = subscribe(smsOnly(phone));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, phone.e164(), DirectMessage.class));
        assertThat(verify(id, "SMS", code).getStatus()).isEqualTo(HttpStatus.OK);
        kafka.awaitValue(Topics.SUBSCRIPTIONS, id, SubscriptionEvent.class, s -> s.revision() == 2);
        return id;
    }

    private String subscribeAndVerifyEmail(String email) {
        String id = subscribe("""
                {"name": "Kari", "email": "%s", "regions": ["0301"], "channels": ["EMAIL"]}""".formatted(email));
        String code = code(kafka.awaitValue(Topics.DIRECT_MESSAGES, email, DirectMessage.class));
        assertThat(verify(id, "EMAIL", code).getStatus()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private static String smsOnly(Phone phone) {
        return """
                {"name": "Kari", "phone": "%s", "regions": ["0301"], "channels": ["SMS"]}""".formatted(phone.typed());
    }

    private String subscribe(String body) {
        EntityExchangeResult<JsonNode> response = post("/api/subscribers", body);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.ACCEPTED);
        return response.getResponseBody().get("id").asString();
    }

    private EntityExchangeResult<JsonNode> verify(String id, String channel, String code) {
        return post("/api/subscribers/" + id + "/verify", """
                {"channel": "%s", "code": "%s"}""".formatted(channel, code));
    }

    private EntityExchangeResult<JsonNode> patch(String path, String json) {
        return http.patch()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange()
                .returnResult(JsonNode.class);
    }

    private EntityExchangeResult<JsonNode> post(String path, String json) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange()
                .returnResult(JsonNode.class);
    }

    /** An inbound SMS as Twilio posts it, signed for the URL with the token; unsigned when either is null. */
    private EntityExchangeResult<String> twilio(
            Phone from, String body, @Nullable String signedUrl, @Nullable String authToken) {
        Map<String, String> parameters = twilioParameters(from, body);
        return postForm(
                parameters,
                signedUrl == null || authToken == null ? null : twilioSignature(signedUrl, parameters, authToken));
    }

    /** Signed for one body, sent with another. */
    private EntityExchangeResult<String> twilioTampered(Phone from, String signedBody, String sentBody) {
        String signature = twilioSignature(PUBLIC_WEBHOOK_URL, twilioParameters(from, signedBody), twilioAuthToken);
        return postForm(twilioParameters(from, sentBody), signature);
    }

    private static Map<String, String> twilioParameters(Phone from, String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("ToCountry", "NO");
        parameters.put("SmsMessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        parameters.put("NumMedia", "0");
        parameters.put("From", from.e164());
        parameters.put("To", "+4759440000");
        parameters.put("Body", body);
        parameters.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        parameters.put("ApiVersion", "2010-04-01");
        return parameters;
    }

    private EntityExchangeResult<String> postForm(Map<String, String> parameters, @Nullable String signature) {
        String form = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.post()
                .uri(WEBHOOK)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set("X-Twilio-Signature", signature);
                    }
                })
                .body(form)
                .exchange()
                .returnResult(String.class);
    }

    /**
     * As Twilio documents it: the full URL, then each POST parameter's name and value, sorted by name, concatenated;
     * HMAC-SHA1 with the auth token as the key; Base64.
     */
    private static String twilioSignature(String url, Map<String, String> parameters, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContactFeedback feedback(ContactFeedback.Kind kind, String number, @Nullable UUID subscriberId) {
        return new ContactFeedback(
                ContactFeedback.SCHEMA_VERSION,
                UUID.randomUUID(),
                kind,
                Channel.SMS,
                number,
                subscriberId,
                kind == ContactFeedback.Kind.OPTED_OUT ? "twilio 400/21610" : "twilio 400/21614",
                Instant.now());
    }

    private void publish(ContactFeedback feedback) {
        kafkaTemplate
                .send(Topics.CONTACT_FEEDBACK, feedback.address(), EventJson.write(feedback))
                .join();
    }

    private DirectMessage reply(Phone phone, String containing) {
        return kafka.awaitValue(
                Topics.DIRECT_MESSAGES,
                phone.e164(),
                DirectMessage.class,
                m -> m.body().contains(containing));
    }

    private static String code(DirectMessage message) {
        Matcher matcher = ANY_CODE.matcher(message.body());
        assertThat(matcher.find()).as("a code in %s", message.body()).isTrue();
        return matcher.group(1);
    }

    private long revision(String id) {
        return jdbc.sql("SELECT revision FROM subscriber WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private List<String> regions(String id) {
        return jdbc.sql("SELECT region_code FROM subscriber_region WHERE subscriber_id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .list();
    }

    private boolean verified(String id) {
        return jdbc.sql("SELECT bool_or(verified_at IS NOT NULL) FROM contact_point WHERE subscriber_id = :id")
                .param("id", UUID.fromString(id))
                .query(Boolean.class)
                .single();
    }

    private boolean optedOut(String id, Channel channel) {
        return jdbc.sql("""
                        SELECT bool_or(opted_out_at IS NOT NULL) FROM contact_point
                        WHERE subscriber_id = :id AND channel = :channel""")
                .param("id", UUID.fromString(id))
                .param("channel", channel.name())
                .query(Boolean.class)
                .single();
    }

    private boolean undeliverable(String id) {
        return jdbc.sql("SELECT bool_or(undeliverable_at IS NOT NULL) FROM contact_point WHERE subscriber_id = :id")
                .param("id", UUID.fromString(id))
                .query(Boolean.class)
                .single();
    }

    /** Every row of every table of the app's schema whose text holds any of the values, as "table: row". */
    private List<String> rowsMentioning(String... values) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                          AND table_name <> 'flyway_schema_history'
                        ORDER BY table_name""").query(String.class).list();
        assertThat(tables).contains("subscriber", "contact_point", "verification", "outbox", "processed_feedback");
        List<String> found = new java.util.ArrayList<>();
        for (String table : tables) {
            for (String value : values) {
                jdbc.sql("SELECT t::text FROM " + table + " t WHERE position(lower(:value) in lower(t::text)) > 0")
                        .param("value", value)
                        .query(String.class)
                        .list()
                        .forEach(row -> found.add(table + ": " + row));
            }
        }
        return found;
    }

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
            // 40, 41, 45-48 are mobile ranges; other tests use 9xx xx xxx.
            String prefix = List.of("40", "41", "45", "46", "47", "48")
                    .get(ThreadLocalRandom.current().nextInt(6));
            String digits =
                    prefix + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
            String typed = digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
            return new Phone(typed, "+47" + digits);
        }

        String digits() {
            return e164.substring(3);
        }
    }
}
