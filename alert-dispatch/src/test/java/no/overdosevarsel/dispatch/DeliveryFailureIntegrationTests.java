package no.overdosevarsel.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.feedback.ContactFeedback;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Provider trouble: rate limits, opted-out numbers, status callbacks, an SMTP outage. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class DeliveryFailureIntegrationTests {

    static final TwilioStub twilio = new TwilioStub();
    static final int smtpPort = freePort();
    static final String CALLBACK_URL = "https://varsel.example.no/webhooks/twilio/status";
    static GreenMail mail = startMail();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        DispatchTestSupport.twilioProvider(registry, twilio);
        registry.add("overdosevarsel.sms.twilio.status-callback-url", () -> CALLBACK_URL);
        registry.add("overdosevarsel.email.provider", () -> "smtp");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtpPort);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("overdosevarsel.delivery.initial-backoff", () -> "200ms");
        registry.add("overdosevarsel.delivery.max-backoff", () -> "1s");
        registry.add("overdosevarsel.delivery.poll-interval", () -> "200ms");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    DispatchTestSupport kafka;

    @BeforeEach
    void setUp() {
        kafka = new DispatchTestSupport(bootstrapServers);
        twilio.acceptAll();
        twilio.reset();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @AfterAll
    static void stop() {
        twilio.close();
        mail.stop();
    }

    @Test
    void rateLimitedSmsIsRetriedWithBackoffAndSentOnce() {
        twilio.failThenAccept(1, 429, 20429);
        SubscriptionEvent subscriber = subscribe("+4792000001", "1103");
        AlertEvent alert = DispatchTestSupport.alert("Rate limit test", "1103");
        kafka.publishAlert(alert);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("SENT"));
        assertThat(twilio.bodiesTo("+4792000001")).hasSize(2);
        assertThat(attempts(alert, subscriber, "SMS")).isEqualTo(2);
        assertThat(twilio.acceptedCount()).isEqualTo(1);
    }

    @Test
    void providerOutageOutlastingTheSdkRetriesIsRetriedWithBackoffAndSentOnce() {
        // The SDK itself retries a 5xx three times; a fourth makes the delivery wait for our own backoff.
        twilio.failThenAccept(4, 503, 20503);
        SubscriptionEvent subscriber = subscribe("+4792000005", "1108");
        AlertEvent alert = DispatchTestSupport.alert("Outage test", "1108");
        kafka.publishAlert(alert);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("SENT"));
        assertThat(attempts(alert, subscriber, "SMS")).isEqualTo(2);
        assertThat(twilio.acceptedCount()).isEqualTo(1);
    }

    @Test
    void aSenderMistakeAtTwilioIsRetriedAndNeverBlamedOnTheNumber() {
        // 21606: "The From phone number is not a valid, SMS-capable inbound phone number" — ours to fix, not theirs.
        twilio.failThenAccept(1, 400, 21606);
        SubscriptionEvent subscriber = subscribe("+4792000006", "1120");
        AlertEvent alert = DispatchTestSupport.alert("Sender mistake test", "1120");

        try (KafkaConsumer<String, byte[]> feedback = feedbackConsumer()) {
            kafka.publishAlert(alert);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("SENT"));
            assertThat(attempts(alert, subscriber, "SMS")).isEqualTo(2);
            // Nothing about this number may reach subscriber-api: it would stop the person's alerts. Feedback goes
            // out through the outbox in the outcome's transaction: once the outbox is empty, read the topic to its end.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("SELECT count(*) FROM outbox")
                                    .query(Long.class)
                                    .single()
                            == 0);
            List<ContactFeedback> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : feedback.poll(Duration.ofMillis(200))) {
                    received.add(EventJson.read(record.value(), ContactFeedback.class));
                }
                return !feedback.assignment().isEmpty()
                        && feedback.endOffsets(feedback.assignment()).entrySet().stream()
                                .allMatch(end -> feedback.position(end.getKey()) >= end.getValue());
            });
            assertThat(received).noneMatch(event -> "+4792000006".equals(event.address()));
        }
    }

    @Test
    void anErasedSubscribersWaitingSmsIsDroppedAndTheAddressForgotten() {
        twilio.failAlways(503, 20503);
        SubscriptionEvent subscriber = subscribe("+4792000007", "1106");
        AlertEvent alert = DispatchTestSupport.alert("Erasure while waiting", "1106");
        kafka.publishAlert(alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(alert, subscriber, "SMS") >= 1);

        int attemptsAtErasure = attempts(alert, subscriber, "SMS");
        kafka.send(Topics.SUBSCRIPTIONS, subscriber.subscriberId().toString(), null);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("FAILED"));
        assertThat(jdbc.sql("SELECT address FROM delivery WHERE subscriber_id = ?")
                        .param(subscriber.subscriberId())
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allMatch(String::isEmpty);
        // Past the next retry the SMS would have had (a request already in flight at the erasure may still finish):
        // it is never retried, and nothing goes to an empty number.
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(12)).untilAsserted(() -> {
            assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("FAILED");
            // the attempt in flight at the erasure, if any, and no more
            assertThat(attempts(alert, subscriber, "SMS")).isLessThanOrEqualTo(attemptsAtErasure + 1);
        });
        assertThat(twilio.messages())
                .noneMatch(message -> message.getOrDefault("To", "").isBlank());
        assertThat(twilio.acceptedCount()).isZero();
    }

    @Test
    void optedOutNumberIsNotRetriedAndIsReportedBack() {
        twilio.failAlways(400, 21610);
        SubscriptionEvent subscriber = subscribe("+4792000002", "4601");
        AlertEvent alert = DispatchTestSupport.alert("Opt-out test", "4601");

        try (KafkaConsumer<String, byte[]> feedback = feedbackConsumer()) {
            kafka.publishAlert(alert);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("OPTED_OUT"));
            List<ContactFeedback> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : feedback.poll(Duration.ofMillis(200))) {
                    received.add(EventJson.read(record.value(), ContactFeedback.class));
                }
                assertThat(received).anySatisfy(event -> {
                    assertThat(event.address()).isEqualTo("+4792000002");
                    assertThat(event.kind()).isEqualTo(ContactFeedback.Kind.OPTED_OUT);
                    assertThat(event.subscriberId()).isEqualTo(subscriber.subscriberId());
                });
            });
        }
        assertThat(twilio.bodiesTo("+4792000002")).hasSize(1);
        assertThat(attempts(alert, subscriber, "SMS")).isEqualTo(1);
    }

    @Test
    void signedStatusCallbackMarksTheSmsDeliveredAndUnsignedIsRefused() {
        SentSms sms = sentSms("+4792000003", "Callback test");
        // The callback URL Twilio was given names the delivery; Twilio signs exactly that URL.
        String callbackUrl = twilio.messages().stream()
                .filter(message -> "+4792000003".equals(message.get("To")))
                .map(message -> message.get("StatusCallback"))
                .findFirst()
                .orElseThrow();
        assertThat(callbackUrl).isEqualTo(CALLBACK_URL + "?delivery=" + sms.id());
        Map<String, String> form = Map.of("MessageSid", sms.sid(), "MessageStatus", "delivered", "To", "+4792000003");

        HttpStatusCode unsigned = callback(callbackUrl, form, null);
        HttpStatusCode forged = callback(callbackUrl, form, sign(callbackUrl, form, "wrong-token"));
        // Signed for another delivery's URL, sent to this one's: the query is part of what is signed.
        HttpStatusCode otherUrl =
                callback(callbackUrl, form, sign(CALLBACK_URL + "?delivery=1", form, TwilioStub.AUTH_TOKEN));
        assertThat(unsigned.value()).isEqualTo(403);
        assertThat(forged.value()).isEqualTo(403);
        assertThat(otherUrl.value()).isEqualTo(403);
        assertThat(smsStatus(sms)).isEqualTo("SENT");

        // A signed callback naming this delivery with another message's SID moves nothing.
        Map<String, String> wrongSid = Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "delivered");
        assertThat(callback(callbackUrl, wrongSid, sign(callbackUrl, wrongSid, TwilioStub.AUTH_TOKEN))
                        .is2xxSuccessful())
                .isTrue();
        assertThat(smsStatus(sms)).isEqualTo("SENT");

        HttpStatusCode signed = callback(callbackUrl, form, sign(callbackUrl, form, TwilioStub.AUTH_TOKEN));
        assertThat(signed.is2xxSuccessful()).isTrue();
        assertThat(smsStatus(sms)).isEqualTo("DELIVERED");
    }

    @Test
    void aCallbackWithoutADeliveryIdIsFoundByTheMessageSid() {
        // Messages sent before callback URLs named their delivery.
        SentSms sms = sentSms("+4792000013", "Old callback test");
        Map<String, String> form =
                Map.of("MessageSid", sms.sid(), "MessageStatus", "undelivered", "ErrorCode", "30005");

        assertThat(callback(CALLBACK_URL, form, sign(CALLBACK_URL, form, TwilioStub.AUTH_TOKEN))
                        .is2xxSuccessful())
                .isTrue();
        assertThat(smsStatus(sms)).isEqualTo("UNDELIVERED");
    }

    @Test
    void statusCallbacksFindTheirDeliveryByPrimaryKeyNotATableScan() throws Exception {
        // Several callbacks per SMS: at a million recipients a scan per callback would never keep up.
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement();
                    PreparedStatement explain =
                            connection.prepareStatement("EXPLAIN " + DeliveryOutcomes.PROVIDER_STATUS_UPDATE)) {
                // Whether the index can serve the statement at all, not whether a tiny table makes it worth it.
                settings.execute("SET LOCAL enable_seqscan = off");
                explain.setString(1, "DELIVERED");
                explain.setString(2, null);
                explain.setString(3, "SM00000000000000000000000000000000");
                explain.setLong(4, 42L);
                explain.setString(5, "SM00000000000000000000000000000000");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        assertThat(plan.toString()).contains("delivery_pkey");
    }

    @Test
    void emailWaitsOutAnSmtpOutageAndArrivesOnce() throws Exception {
        mail.stop();
        SubscriptionEvent subscriber = subscribe("+4792000004", "1806");
        AlertEvent alert = DispatchTestSupport.alert("SMTP outage test", "1806");
        kafka.publishAlert(alert);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(attempts(alert, subscriber, "EMAIL")).isGreaterThanOrEqualTo(1));
        assertThat(deliveryStatus(alert, subscriber, "EMAIL")).isEqualTo("PENDING");

        mail = startMail();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveryStatus(alert, subscriber, "EMAIL")).isEqualTo("SENT"));
        String address = subscriber.contactPoints().get(1).address();
        assertThat(mail.getReceivedMessagesForDomain(address)).hasSize(1);
    }

    @Test
    void verificationCodeWaitsOutAProviderOutageAndIsSentOnce() {
        // Two attempts of three SDK tries each fail; the message stays in the database and the third attempt sends it.
        twilio.failThenAccept(6, 503, 20503);
        DirectMessage message = new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                DirectMessage.Purpose.VERIFICATION_CODE,
                Channel.SMS,
                "+4792000006",
                "nb",
                null,
                "Overdosevarsel: Koden din er 654321.",
                Instant.now(),
                Instant.now().plus(Duration.ofMinutes(15)));
        kafka.send(Topics.DIRECT_MESSAGES, message.to(), EventJson.write(message));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT status FROM direct_message WHERE message_id = ?")
                                .param(message.messageId())
                                .query(String.class)
                                .optional())
                        .contains("SENT"));
        assertThat(twilio.acceptedCount()).isEqualTo(1);
        assertThat(twilio.bodiesTo("+4792000006")).hasSize(7);
        assertThat(jdbc.sql("SELECT payload FROM direct_message WHERE message_id = ?")
                        .param(message.messageId())
                        .query(String.class)
                        .optional())
                .as("address and text are forgotten once sent")
                .isEmpty();
    }

    private SubscriptionEvent subscribe(String phone, String region) {
        SubscriptionEvent subscriber =
                DispatchTestSupport.subscriber(phone, UUID.randomUUID() + "@example.org", region);
        kafka.publishSubscriber(subscriber);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM subscriber WHERE id = ?")
                                .param(subscriber.subscriberId())
                                .query(Long.class)
                                .single()
                        == 1);
        return subscriber;
    }

    private String deliveryStatus(AlertEvent alert, SubscriptionEvent subscriber, String channel) {
        return jdbc.sql("SELECT status FROM delivery WHERE alert_id = ? AND subscriber_id = ? AND channel = ?")
                .params(alert.alertId(), subscriber.subscriberId(), channel)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    /** An alert SMS to a new subscriber in Trondheim, once Twilio has accepted it and dispatch has recorded it. */
    private SentSms sentSms(String phone, String headline) {
        SubscriptionEvent subscriber = subscribe(phone, "5001");
        AlertEvent alert = DispatchTestSupport.alert(headline, "5001");
        kafka.publishAlert(alert);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(deliveryStatus(alert, subscriber, "SMS")).isEqualTo("SENT"));
        return jdbc.sql(
                        "SELECT id, provider_id FROM delivery WHERE alert_id = ? AND subscriber_id = ? AND channel = 'SMS'")
                .params(alert.alertId(), subscriber.subscriberId())
                .query((rs, n) -> new SentSms(alert, subscriber, rs.getLong(1), rs.getString(2)))
                .single();
    }

    private String smsStatus(SentSms sms) {
        return deliveryStatus(sms.alert(), sms.subscriber(), "SMS");
    }

    private record SentSms(AlertEvent alert, SubscriptionEvent subscriber, long id, String sid) {}

    private int attempts(AlertEvent alert, SubscriptionEvent subscriber, String channel) {
        return jdbc.sql("SELECT attempts FROM delivery WHERE alert_id = ? AND subscriber_id = ? AND channel = ?")
                .params(alert.alertId(), subscriber.subscriberId(), channel)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Posts to this server's callback endpoint with the query of the given public callback URL. */
    private HttpStatusCode callback(String callbackUrl, Map<String, String> form, String signature) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        String query = URI.create(callbackUrl).getRawQuery();
        return RestClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/webhooks/twilio/status" + (query == null ? "" : "?" + query))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers -> {
                    if (signature != null) {
                        headers.set("X-Twilio-Signature", signature);
                    }
                })
                .body(body)
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toBodilessEntity()
                .getStatusCode();
    }

    /** As Twilio documents it: HMAC-SHA1 over the URL followed by each POST parameter name and value, sorted. */
    private static String sign(String url, Map<String, String> form, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, byte[]> feedbackConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CONTACT_FEEDBACK));
        return consumer;
    }

    private static GreenMail startMail() {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
