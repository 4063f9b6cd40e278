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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.RealInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.producer.RecordMetadata;
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
        registry.add("overdosevarsel.sms.provider", () -> "twilio");
        registry.add("overdosevarsel.sms.twilio.account-sid", () -> TwilioStub.ACCOUNT_SID);
        registry.add("overdosevarsel.sms.twilio.auth-token", () -> TwilioStub.AUTH_TOKEN);
        registry.add("overdosevarsel.sms.twilio.from", () -> "+4759440000");
        registry.add(
                "overdosevarsel.sms.twilio.api-base-url", () -> twilio.baseUrl().toString());
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
