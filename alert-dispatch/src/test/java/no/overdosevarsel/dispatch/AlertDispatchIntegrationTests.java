package no.overdosevarsel.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class AlertDispatchIntegrationTests {

    static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final TwilioStub twilio = new TwilioStub();

    static {
        mail.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        DispatchTestSupport.twilioProvider(registry, twilio);
        registry.add("overdosevarsel.email.provider", () -> "smtp");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("overdosevarsel.delivery.initial-backoff", () -> "100ms");
    }

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    DispatchTestSupport kafka;
    RestClient http;

    @BeforeEach
    void setUp() throws Exception {
        kafka = new DispatchTestSupport(bootstrapServers);
        http = RestClient.create("http://127.0.0.1:" + port);
        twilio.acceptAll();
        twilio.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @AfterAll
    static void stopStubs() {
        twilio.close();
        mail.stop();
    }

    @Test
    void countyAlertReachesTheCountysSubscribersOnceOnEachChannelAndNobodyElse() throws Exception {
        SubscriptionEvent oslo = DispatchTestSupport.subscriber("+4791000001", "oslo@example.org", "0301");
        SubscriptionEvent bergen = DispatchTestSupport.subscriber("+4791000002", "bergen@example.org", "4601");
        kafka.publishSubscriber(oslo);
        kafka.publishSubscriber(bergen);
        awaitSubscribers(oslo, bergen);

        AlertEvent alert = DispatchTestSupport.alert("Nitazener solgt som heroin i Oslo", "NO-03");
        RecordMetadata record = kafka.publishAlert(alert);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(twilio.bodiesTo("+4791000001")).hasSize(1);
            assertThat(emailsTo("oslo@example.org")).hasSize(1);
        });
        assertThat(twilio.bodiesTo("+4791000001").getFirst())
                .startsWith("VARSEL: Nitazener solgt som heroin i Oslo")
                .contains("/varsel/" + alert.alertId())
                .contains("STOPP");
        MimeMessage email = emailsTo("oslo@example.org").getFirst();
        assertThat(email.getSubject()).contains("Nitazener solgt som heroin i Oslo");
        assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(email.getHeader("List-Unsubscribe")[0]).contains(oslo.unsubscribeToken());
        assertThat(GreenMailUtil.getBody(email)).contains("Ha nalokson tilgjengelig");
        assertThat(meters.get("overdosevarsel.deliveries")
                        .tag("channel", "sms")
                        .tag("outcome", "sent")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("overdosevarsel.delivery.publication-to-send")
                        .tag("channel", "email")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);

        // Redelivery of the same record, as after a rebalance or a crash before the commit.
        RecordMetadata again = kafka.publishAlert(alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.consumed("dispatch-alerts", again));
        assertThat(twilio.bodiesTo("+4791000001")).hasSize(1);
        assertThat(emailsTo("oslo@example.org")).hasSize(1);
        assertThat(twilio.bodiesTo("+4791000002")).isEmpty();
        assertThat(emailsTo("bergen@example.org")).isEmpty();
        assertThat(record.offset()).isLessThan(again.offset());
    }

    @Test
    void regionFeedListsAlertsForThatRegionOnly() throws Exception {
        AlertEvent alert = DispatchTestSupport.alert("Fentanyl i falske oxycodon-tabletter & <script>", "0301");
        kafka.publishAlert(alert);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(titles(feed("NO-03")))
                        .contains(alert.primary().headline()));
        assertThat(titles(feed("0301"))).contains(alert.primary().headline());
        assertThat(titles(feed("NO"))).contains(alert.primary().headline());
        assertThat(titles(feed("NO-46"))).doesNotContain(alert.primary().headline());
        assertThat(titles(feed("4601"))).doesNotContain(alert.primary().headline());
    }

    @Test
    void unknownRegionFeedIsNotFoundProblem() {
        ResponseEntity<String> response = http.get()
                .uri("/feeds/NO-99.rss")
                .retrieve()
                .onStatus(status -> true, (request, resp) -> {})
                .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void directMessageIsSentOnce() {
        DirectMessage message = new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                DirectMessage.Purpose.VERIFICATION_CODE,
                Channel.SMS,
                "+4791000003",
                "nb",
                null,
                "Overdosevarsel: Koden din er 123456.",
                Instant.now(),
                Instant.now().plus(Duration.ofMinutes(15)));
        byte[] json = no.overdosevarsel.contracts.EventJson.write(message);
        kafka.send(no.overdosevarsel.contracts.Topics.DIRECT_MESSAGES, message.to(), json);
        RecordMetadata again = kafka.send(no.overdosevarsel.contracts.Topics.DIRECT_MESSAGES, message.to(), json);

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.consumed("dispatch-direct-messages", again));
        assertThat(twilio.bodiesTo("+4791000003")).containsExactly("Overdosevarsel: Koden din er 123456.");
    }

    @Test
    void regionOverlapReachesExactlyTheRightPeopleAtEveryLevel() {
        // Subscribers at all three levels, in Trøndelag (NO-50) and elsewhere.
        SubscriptionEvent trondheim = DispatchTestSupport.subscriber("+4793000001", "trondheim@example.org", "5001");
        SubscriptionEvent steinkjer = DispatchTestSupport.subscriber("+4793000002", "steinkjer@example.org", "5006");
        SubscriptionEvent trondelag = DispatchTestSupport.subscriber("+4793000003", "trondelag@example.org", "NO-50");
        SubscriptionEvent national = DispatchTestSupport.subscriber("+4793000004", "norge@example.org", "NO");
        SubscriptionEvent stavanger = DispatchTestSupport.subscriber("+4793000005", "stavanger@example.org", "1103");
        SubscriptionEvent rogaland = DispatchTestSupport.subscriber("+4793000006", "rogaland@example.org", "NO-11");
        List<SubscriptionEvent> everyone = List.of(trondheim, steinkjer, trondelag, national, stavanger, rogaland);
        everyone.forEach(kafka::publishSubscriber);
        awaitSubscribers(everyone.toArray(SubscriptionEvent[]::new));

        AlertEvent municipal = DispatchTestSupport.alert("Kommunevarsel Trondheim", "5001");
        AlertEvent county = DispatchTestSupport.alert("Fylkesvarsel Trøndelag", "NO-50");
        AlertEvent nationwide = DispatchTestSupport.alert("Landsvarsel", "NO");
        kafka.publishAlert(municipal);
        kafka.publishAlert(county);
        kafka.publishAlert(nationwide);

        // Subscribers of other tests get the national alert too: wait for all of it, so nothing spills into them.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(smsRecipients(nationwide)).hasSizeGreaterThanOrEqualTo(everyone.size());
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM delivery WHERE alert_id = ? AND status NOT IN ('SENT', 'DELIVERED')")
                            .param(nationwide.alertId())
                            .query(Long.class)
                            .single())
                    .isZero();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(smsRecipients(municipal)).containsExactlyInAnyOrder("+4793000001", "+4793000003", "+4793000004");
            assertThat(smsRecipients(county))
                    .containsExactlyInAnyOrder("+4793000001", "+4793000002", "+4793000003", "+4793000004");
        });
        assertThat(smsRecipients(nationwide))
                .containsAll(everyone.stream()
                        .map(s -> s.contactPoints().getFirst().address())
                        .toList());
    }

    @Test
    void updateAndCancelReachEveryoneWhoGotTheAlertAndCancelNobodyElse() {
        // Only this test's numbers (+479400…): national subscribers of other tests rightly get these alerts too.
        SubscriptionEvent bodo = DispatchTestSupport.subscriber("+4794000001", "bodo@example.org", "1804");
        SubscriptionEvent narvik = DispatchTestSupport.subscriber("+4794000002", "narvik@example.org", "1806");
        kafka.publishSubscriber(bodo);
        kafka.publishSubscriber(narvik);
        awaitSubscribers(bodo, narvik);

        AlertEvent alert = DispatchTestSupport.alert("Falske oxy-tabletter i Bodø", "1804");
        kafka.publishAlert(alert);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smsRecipients(alert, "+479400")).containsExactly("+4794000001"));

        // The update moves the alert to Narvik: Bodø got the first version and hears of the change, Narvik matches now.
        AlertEvent update = DispatchTestSupport.next(alert, no.overdosevarsel.contracts.alert.MsgType.Update, "1806");
        kafka.publishAlert(update);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smsRecipients(update, "+479400"))
                        .containsExactlyInAnyOrder("+4794000001", "+4794000002"));
        assertThat(twilio.bodiesTo("+4794000001"))
                .anySatisfy(body -> assertThat(body).startsWith("OPPDATERT"));

        SubscriptionEvent lateComer = DispatchTestSupport.subscriber("+4794000003", "late@example.org", "1806");
        kafka.publishSubscriber(lateComer);
        awaitSubscribers(lateComer);
        AlertEvent cancel = DispatchTestSupport.next(update, no.overdosevarsel.contracts.alert.MsgType.Cancel);
        kafka.publishAlert(cancel);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(smsRecipients(cancel, "+479400"))
                        .containsExactlyInAnyOrder("+4794000001", "+4794000002"));
        assertThat(twilio.bodiesTo("+4794000002"))
                .anySatisfy(body -> assertThat(body).startsWith("AVLYST"));
        assertThat(twilio.bodiesTo("+4794000003")).isEmpty();
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopicAndDoesNotBlockTheNextAlert() {
        SubscriptionEvent molde = DispatchTestSupport.subscriber("+4795000001", "molde@example.org", "1506");
        kafka.publishSubscriber(molde);
        awaitSubscribers(molde);
        AlertEvent alert = DispatchTestSupport.alert("Etter giftig melding", "1506");
        // Same key, so the same partition: the good record waits behind the poison one unless it is parked.
        kafka.send(Topics.ALERTS, alert.alertId().toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.publishAlert(alert);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(twilio.bodiesTo("+4795000001")).hasSize(1));
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(Topics.deadLetter(Topics.ALERTS)));
            List<String> parked = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200))
                        .forEach(record -> parked.add(new String(record.value(), StandardCharsets.UTF_8)));
                assertThat(parked).contains("{not json");
            });
        }
    }

    private List<String> smsRecipients(AlertEvent alert, String numberPrefix) {
        return smsRecipients(alert).stream()
                .filter(number -> number.startsWith(numberPrefix))
                .toList();
    }

    private List<String> smsRecipients(AlertEvent alert) {
        return jdbc.sql(
                        "SELECT address FROM delivery WHERE alert_id = ? AND alert_version = ? AND channel = 'SMS' AND status = 'SENT'")
                .params(alert.alertId(), alert.version())
                .query(String.class)
                .list();
    }

    private void awaitSubscribers(SubscriptionEvent... subscribers) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (SubscriptionEvent subscriber : subscribers) {
                assertThat(jdbc.sql("SELECT count(*) FROM subscriber WHERE id = ?")
                                .param(subscriber.subscriberId())
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            }
        });
    }

    private List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private SyndFeed feed(String region) throws Exception {
        String xml = http.get().uri("/feeds/{region}.rss", region).retrieve().body(String.class);
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }
}
