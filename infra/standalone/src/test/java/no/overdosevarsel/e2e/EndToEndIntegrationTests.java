package no.overdosevarsel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.dispatch.AlertDispatchApplication;
import no.overdosevarsel.ingest.AlertIngestApplication;
import no.overdosevarsel.subscriber.SubscriberApiApplication;
import no.overdosevarsel.testinfra.SignIn;
import no.overdosevarsel.testinfra.TestInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The walking skeleton, end to end: the three apps on one real Kafka broker and one real PostgreSQL, a real SMTP
 * server (GreenMail) and the real Twilio SDK talking to a local stub of the Twilio API. Two people subscribe (Oslo and
 * Bergen) and confirm with the codes they receive; one coordinator drafts an alert for Oslo county and a second
 * approves it; only the Oslo
 * subscriber is warned, once per channel, and the Oslo feed shows it. A redelivered Kafka record sends nothing again.
 */
class EndToEndIntegrationTests {

    static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    static final String ADMIN_PASSWORD = "e2e-admin-" + UUID.randomUUID();
    static final String PASSWORD = "e2e-coordinator-" + UUID.randomUUID();

    static TestInfrastructure.Kafka kafka;
    static TestInfrastructure.Database database;
    static TwilioStub twilio;
    static GreenMail mail;
    static ConfigurableApplicationContext ingest;
    static ConfigurableApplicationContext subscriber;
    static ConfigurableApplicationContext dispatch;

    @BeforeAll
    static void start() {
        kafka = TestInfrastructure.startKafka();
        database = TestInfrastructure.createDatabase();
        twilio = new TwilioStub();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        // alert-ingest is the issuer the other two trust, so its address is fixed before any of them starts.
        int ingestPort = freePort();
        String issuer = "http://localhost:" + ingestPort;
        List<String> common = List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.main.banner-mode=off");
        CompletableFuture<ConfigurableApplicationContext> ingestStart = CompletableFuture.supplyAsync(() -> run(
                AlertIngestApplication.class,
                common,
                "--server.port=" + ingestPort,
                "--overdosevarsel.identity.authorization-server.issuer=" + issuer,
                "--overdosevarsel.security.admin-password=" + ADMIN_PASSWORD));
        CompletableFuture<ConfigurableApplicationContext> subscriberStart = CompletableFuture.supplyAsync(() -> run(
                SubscriberApiApplication.class,
                common,
                "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--overdosevarsel.security.token-secret=e2e-token-secret-" + UUID.randomUUID()));
        CompletableFuture<ConfigurableApplicationContext> dispatchStart = CompletableFuture.supplyAsync(() -> run(
                AlertDispatchApplication.class,
                common,
                "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--overdosevarsel.sms.provider=twilio",
                "--overdosevarsel.sms.twilio.account-sid=" + TwilioStub.ACCOUNT_SID,
                "--overdosevarsel.sms.twilio.auth-token=" + TwilioStub.AUTH_TOKEN,
                "--overdosevarsel.sms.twilio.from=+4759440000",
                "--overdosevarsel.sms.twilio.api-base-url=" + twilio.baseUrl(),
                "--overdosevarsel.email.provider=smtp",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort()));
        ingest = ingestStart.join();
        subscriber = subscriberStart.join();
        dispatch = dispatchStart.join();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context :
                new ConfigurableApplicationContext[] {dispatch, subscriber, ingest}) {
            if (context != null) {
                context.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (twilio != null) {
            twilio.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anAlertForOsloReachesTheOsloSubscriberOncePerChannelAndNobodyElse() throws Exception {
        subscribeAndConfirm("Oslo lavterskel", "+4791111111", "oslo@example.org", "0301");
        subscribeAndConfirm("Bergen lavterskel", "+4792222222", "bergen@example.org", "4601");
        JdbcClient dispatchDb = JdbcClient.create(dispatch.getBean(javax.sql.DataSource.class));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> dispatchDb
                                .sql("SELECT count(*) FROM contact_point")
                                .query(Long.class)
                                .single()
                        == 4);

        String headline = "Heroin med nitazener i Oslo: svært høy fare for overdose";
        String alertId = publishAlert(headline, "NO-03");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(alertSmsTo("+4791111111")).hasSize(1);
            assertThat(alertEmailsTo("oslo@example.org")).hasSize(1);
        });
        assertThat(alertSmsTo("+4791111111").getFirst()).contains(headline);
        assertThat(alertEmailsTo("oslo@example.org").getFirst().getSubject()).contains(headline);

        String oslo = http(dispatch).get().uri("/feeds/NO-03.rss").retrieve().body(String.class);
        String bergen = http(dispatch).get().uri("/feeds/NO-46.rss").retrieve().body(String.class);
        assertThat(titles(oslo)).contains(headline);
        assertThat(titles(bergen)).doesNotContain(headline);

        // The same Kafka record once more, as after a crash before the offset was committed.
        RecordMetadata again = redeliver(Topics.ALERTS, alertId);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumed("dispatch-alerts", again));
        assertThat(alertSmsTo("+4791111111")).hasSize(1);
        assertThat(alertEmailsTo("oslo@example.org")).hasSize(1);
        assertThat(alertSmsTo("+4792222222")).isEmpty();
        assertThat(alertEmailsTo("bergen@example.org")).isEmpty();

        // One identity for all apps: tokens alert-ingest issued open the other apps' coordinator APIs, within scope.
        String korus = token("ola.korus", PASSWORD);
        String report = http(dispatch)
                .get()
                .uri("/api/alerts/{id}/deliveries", alertId)
                .headers(headers -> headers.setBearerAuth(korus))
                .retrieve()
                .body(String.class);
        assertThat(report).contains("\"sent\":").contains(alertId);
        createCoordinator("admin.oslo", List.of("ADMIN"), List.of("NO-03"));
        String counts = http(subscriber)
                .get()
                .uri("/api/admin/subscribers/counts")
                .headers(headers -> headers.setBearerAuth(token("admin.oslo", PASSWORD)))
                .retrieve()
                .body(String.class);
        assertThat(counts).contains("\"region\":\"0301\"").doesNotContain("\"region\":\"4601\"");
        assertThat(http(subscriber)
                        .get()
                        .uri("/api/admin/subscribers/counts")
                        .retrieve()
                        .onStatus(status -> true, (request, response) -> {})
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .as("no token, no admin API")
                .isEqualTo(401);
    }

    private static void subscribeAndConfirm(String name, String phone, String email, String region) throws Exception {
        ResponseEntity<Map> created = http(subscriber)
                .post()
                .uri("/api/subscribers")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name", name,
                        "phone", phone,
                        "email", email,
                        "regions", List.of(region),
                        "channels", List.of("SMS", "EMAIL")))
                .retrieve()
                .toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(202);
        String id = (String) created.getBody().get("id");

        String smsCode = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> twilio.bodiesTo(phone).stream()
                                .map(EndToEndIntegrationTests::code)
                                .flatMap(Optional::stream)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        String emailCode = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> emailsTo(email).stream()
                                .map(GreenMailUtil::getBody)
                                .map(EndToEndIntegrationTests::code)
                                .flatMap(Optional::stream)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        verify(id, "SMS", smsCode);
        verify(id, "EMAIL", emailCode);
    }

    private static void verify(String id, String channel, String code) {
        ResponseEntity<Void> verified = http(subscriber)
                .post()
                .uri("/api/subscribers/{id}/verify", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("channel", channel, "code", code))
                .retrieve()
                .toBodilessEntity();
        assertThat(verified.getStatusCode().is2xxSuccessful()).isTrue();
    }

    /**
     * Publishes an alert the way coordinators do: the administrator creates two accounts, one drafts and submits, the
     * other approves (four eyes), and approval publishes. Returns the alert's id.
     */
    private static String publishAlert(String headline, String region) {
        createCoordinator("kari.oslo", List.of("COORDINATOR"), List.of("NO-03"));
        createCoordinator("ola.korus", List.of("COORDINATOR", "APPROVER"), List.of("NO"));
        ResponseEntity<Map> draft = http(ingest)
                .post()
                .uri("/api/alerts")
                .headers(headers -> headers.setBearerAuth(token("kari.oslo", PASSWORD)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "severity", "Severe",
                        "urgency", "Immediate",
                        "certainty", "Observed",
                        "evidenceSource", "DRUG_CHECKING",
                        "event", "Nitazener i heroin",
                        "headline", headline,
                        "description", "Brunt pulver solgt som heroin inneholder protonitazen.",
                        "instruction", List.of("Ikke bruk alene", "Ha nalokson tilgjengelig"),
                        "regions", List.of(region)))
                .retrieve()
                .toEntity(Map.class);
        assertThat(draft.getStatusCode().value()).isEqualTo(201);
        assertThat(draft.getHeaders().getFirst(HttpHeaders.LOCATION)).isNotBlank();
        String id = (String) draft.getBody().get("id");
        ResponseEntity<Map> submitted = http(ingest)
                .post()
                .uri("/api/alerts/{id}/submit", id)
                .headers(headers -> headers.setBearerAuth(token("kari.oslo", PASSWORD)))
                .retrieve()
                .toEntity(Map.class);
        assertThat(submitted.getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<Map> approved = http(ingest)
                .post()
                .uri("/api/alerts/{id}/approve", id)
                .headers(headers -> headers.setBearerAuth(token("ola.korus", PASSWORD)))
                .retrieve()
                .toEntity(Map.class);
        assertThat(approved.getStatusCode().is2xxSuccessful()).isTrue();
        return id;
    }

    private static void createCoordinator(String username, List<String> roles, List<String> scope) {
        ResponseEntity<Void> created = http(ingest)
                .post()
                .uri("/api/admin/coordinators")
                .headers(headers -> headers.setBearerAuth(token("admin", ADMIN_PASSWORD)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", roles, "scope", scope))
                .retrieve()
                .toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
    }

    private static List<String> alertSmsTo(String phone) {
        return twilio.bodiesTo(phone).stream()
                .filter(body -> body.startsWith("VARSEL"))
                .toList();
    }

    private static List<MimeMessage> alertEmailsTo(String address) {
        return emailsTo(address).stream()
                .filter(message -> {
                    try {
                        return message.getSubject().startsWith("VARSEL");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static List<MimeMessage> emailsTo(String address) {
        return List.of(mail.getReceivedMessagesForDomain(address));
    }

    private static Optional<String> code(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static List<String> titles(String rss) throws Exception {
        return new SyndFeedInput()
                .build(new StringReader(rss)).getEntries().stream()
                        .map(SyndEntry::getTitle)
                        .toList();
    }

    /** Reads the record keyed by this id from the topic and produces it again, unchanged. */
    private static RecordMetadata redeliver(String topic, String key) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "e2e-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, byte[]> original = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                                    if (key.equals(record.key())) {
                                        return record;
                                    }
                                }
                                return null;
                            },
                            record -> record != null);
            return producer.send(new ProducerRecord<>(topic, original.key(), original.value()))
                    .get();
        }
    }

    private static boolean consumed(String group, RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        } catch (Exception e) {
            return false;
        }
    }

    /** Signs in at alert-ingest's embedded authorization server as a person does, and returns the access token. */
    private static String token(String username, String password) {
        return SignIn.withPassword(baseUrl(ingest), username, password).accessToken();
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RestClient http(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return RestClient.create("http://127.0.0.1:" + port);
    }

    private static ConfigurableApplicationContext run(Class<?> app, List<String> common, String... extra) {
        String[] args = java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(app).run(args);
    }
}
