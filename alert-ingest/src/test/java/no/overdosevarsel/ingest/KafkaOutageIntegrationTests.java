package no.overdosevarsel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.ingest.alert.AlertId;
import no.overdosevarsel.ingest.alert.AlertService;
import no.overdosevarsel.ingest.alert.AlertText;
import no.overdosevarsel.ingest.alert.NewAlert;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import no.overdosevarsel.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The outbox keeps what was published while Kafka is unreachable and delivers it, once each and in order, when a broker
 * answers again. Its own app context, pointed at a port where no broker listens yet; then a broker starts and that port
 * is forwarded to it, as a broker restarted at the configured address would come back.
 */
class KafkaOutageIntegrationTests {

    private static final Coordinator KARI = new Coordinator("kari", EnumSet.of(Role.COORDINATOR), List.of("NO"));
    private static final Coordinator OLA = new Coordinator("ola", EnumSet.of(Role.APPROVER), List.of("NO"));

    @Test
    void alertsPublishedWhileKafkaIsDownReachTheTopicOnceEachAndInOrderWhenItIsBack() throws Exception {
        int port = freePort();
        try (TestInfrastructure.Database database = TestInfrastructure.createDatabase();
                ConfigurableApplicationContext app = startIngest(database, "127.0.0.1:" + port)) {
            AlertService alerts = app.getBean(AlertService.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            AlertId first = publish(alerts, "første");
            AlertId second = publish(alerts, "andre");
            AlertId third = publish(alerts, "tredje");
            update(alerts, first, "første, oppdatert");

            // Nothing reaches a broker that is not there; the rows wait, and health says so.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> count(jdbc), n -> n == 4);
            HealthIndicator outboxHealth = app.getBean("outboxHealthIndicator", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(outboxHealth.health(true).getDetails())
                            .containsEntry("pending", 4L)
                            .containsKey("lastError"));
            assertThat(app.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                            .get("outbox.pending")
                            .gauge()
                            .value())
                    .isEqualTo(4.0);

            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALERTS);
            broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
            broker.afterPropertiesSet();
            String[] address = broker.getBrokersAsString().split(",")[0].split(":");
            TcpForwarder brokerBack = new TcpForwarder(port, address[0], Integer.parseInt(address[1]));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc), n -> n == 0);
                assertThat(outboxHealth.health(true).getStatus()).isEqualTo(Status.UP);

                try (AlertsTopic topic = new AlertsTopic(broker.getBrokersAsString())) {
                    List<ConsumerRecord<String, String>> records = topic.readAll();
                    assertThat(records)
                            .extracting(r -> r.key() + " v" + version(r))
                            .containsExactlyInAnyOrder(first + " v1", second + " v1", third + " v1", first + " v2");
                    assertThat(records.stream()
                                    .filter(r -> r.key().equals(first.toString()))
                                    .map(KafkaOutageIntegrationTests::version))
                            .as("one alert's versions in the order they were published")
                            .containsExactly(1, 2);
                }
            } finally {
                brokerBack.close();
                broker.destroy();
            }
        }
    }

    private static ConfigurableApplicationContext startIngest(
            TestInfrastructure.Database database, String unreachableBroker) {
        // Command-line arguments: they outrank the app's own property file, as in production.
        return new SpringApplicationBuilder(AlertIngestApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + unreachableBroker,
                        // The broker that comes back brings the topic; do not wait for one at start-up.
                        "--spring.kafka.admin.auto-create=false",
                        "--overdosevarsel.security.admin-password=" + IngestIntegrationTestSupport.PASSWORD,
                        "--overdosevarsel.outbox.poll-interval=100ms",
                        "--overdosevarsel.outbox.max-backoff=1s",
                        "--overdosevarsel.outbox.send-timeout=3s");
    }

    private static AlertId publish(AlertService alerts, String marker) {
        AlertId id = alerts.draft(content(marker), KARI, null, null).alert().id();
        alerts.submit(id, null, KARI);
        alerts.approve(id, null, OLA);
        return id;
    }

    private static void update(AlertService alerts, AlertId id, String marker) {
        alerts.edit(id, null, content(marker), KARI);
        alerts.submit(id, null, KARI);
        alerts.approve(id, null, OLA);
    }

    private static NewAlert content(String marker) {
        return new NewAlert(
                null,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                EvidenceSource.DRUG_CHECKING,
                List.of("heroin"),
                List.of("0301"),
                null,
                null,
                new AlertText(
                        "Nitazener i heroin",
                        "Heroin med nitazener i Oslo",
                        "Brunt pulver. " + marker + " " + UUID.randomUUID(),
                        List.of("Ikke bruk alene"),
                        null),
                null,
                null);
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    private static int version(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value().getBytes(StandardCharsets.UTF_8), AlertEvent.class)
                .version();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
