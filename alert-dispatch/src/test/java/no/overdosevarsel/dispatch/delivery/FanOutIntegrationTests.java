package no.overdosevarsel.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.dispatch.AlertDispatchApplication;
import no.overdosevarsel.dispatch.alert.AlertVersionCommitted;
import no.overdosevarsel.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fan-out committed in chunks of {@value #CHUNK} subscribers, for {@value #SUBSCRIBERS} subscribers with an SMS number
 * and an email address each: stopped after some chunks it resumes without duplicates or gaps, two instances working on
 * the same version at once reach everyone once, and a cancellation reaches every earlier recipient in every chunk.
 */
class FanOutIntegrationTests {

    static final int SUBSCRIBERS = 500;
    static final int CHUNK = 37;

    static TestInfrastructure.Kafka kafka;
    static TestInfrastructure.Database database;
    static ConfigurableApplicationContext dispatch;
    static FanOut fanOut;
    static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        kafka = TestInfrastructure.startKafka();
        database = TestInfrastructure.createDatabase();
        dispatch = new SpringApplicationBuilder(AlertDispatchApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--overdosevarsel.sms.provider=local",
                        "--overdosevarsel.email.provider=local",
                        "--overdosevarsel.delivery.fan-out-chunk=" + CHUNK);
        fanOut = dispatch.getBean(FanOut.class);
        jdbc = JdbcClient.create(dispatch.getBean(DataSource.class));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO subscriber (id, revision, active, language, min_severity_rank, unsubscribe_token, updated_at)
                            VALUES (?, 1, true, 'nb', 0, ?, now())
                            """).params(id, "token-" + i).update();
            jdbc.sql("INSERT INTO subscriber_region (subscriber_id, region_code) VALUES (?, ?)")
                    .params(id, i % 2 == 0 ? "0301" : "4601")
                    .update();
            jdbc.sql(
                            "INSERT INTO contact_point (subscriber_id, channel, address) VALUES (?, 'SMS', ?), (?, 'EMAIL', ?)")
                    .params(id, "+479%07d".formatted(i), id, "person" + i + "@example.org")
                    .update();
        }
    }

    @AfterAll
    static void stop() {
        dispatch.close();
        kafka.close();
        database.close();
    }

    @Test
    void fanOutStoppedAfterSomeChunksResumesAndReachesEveryoneExactlyOnce() {
        AlertEvent alert = stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "NO"));
        // The database refuses the chunk that would take the fan-out past 400 deliveries, as if the instance died
        // there.
        jdbc.sql("""
                        CREATE FUNCTION stop_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF (SELECT count(*) FROM delivery WHERE alert_id = '%s') > 400 THEN
                                RAISE EXCEPTION 'instance stopped in the middle of the fan-out';
                            END IF;
                            RETURN NULL;
                        END $$
                        """.formatted(alert.alertId())).update();
        jdbc.sql(
                        "CREATE TRIGGER stop_fan_out AFTER INSERT ON delivery FOR EACH STATEMENT EXECUTE FUNCTION stop_fan_out()")
                .update();
        try {
            assertThatThrownBy(() -> fanOut.on(new AlertVersionCommitted(alert)))
                    .isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.sql("DROP TRIGGER stop_fan_out ON delivery").update();
            jdbc.sql("DROP FUNCTION stop_fan_out()").update();
        }
        long beforeRestart = deliveries(alert);
        assertThat(beforeRestart).isBetween(1L, 400L);
        assertThat(progress(alert)).isEqualTo("started");

        // The record comes again (its offset was never committed): the fan-out goes on from its cursor.
        fanOut.on(new AlertVersionCommitted(alert));

        assertThat(progress(alert)).isEqualTo("done");
        assertEveryoneOnceOnEachChannel(alert, SUBSCRIBERS);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(alert) == 2L * SUBSCRIBERS);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND attempts <> 1")
                        .param(alert.alertId())
                        .query(Long.class)
                        .single())
                .as("deliveries sent more than once")
                .isZero();
    }

    @Test
    void twoInstancesFanningOutTheSameVersionAtOnceReachEveryoneOnce() throws Exception {
        AlertEvent alert = stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "NO"));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                instances.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                together.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            fanOut.on(new AlertVersionCommitted(alert));
                        },
                        threads));
            }
            CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();
        }

        assertThat(progress(alert)).isEqualTo("done");
        assertEveryoneOnceOnEachChannel(alert, SUBSCRIBERS);
    }

    @Test
    void cancelAfterAChunkedFanOutReachesEveryEarlierRecipientAndNobodyElse() {
        UUID alertId = UUID.randomUUID();
        AlertEvent first = stored(alert(MsgType.Alert, alertId, 1, "0301"));
        fanOut.on(new AlertVersionCommitted(first));
        assertEveryoneOnceOnEachChannel(first, SUBSCRIBERS / 2);

        AlertEvent cancel = stored(alert(MsgType.Cancel, alertId, 2, "0301"));
        fanOut.on(new AlertVersionCommitted(cancel));

        assertEveryoneOnceOnEachChannel(cancel, SUBSCRIBERS / 2);
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM delivery c
                                WHERE c.alert_id = ? AND c.alert_version = 2 AND NOT EXISTS (
                                    SELECT 1 FROM delivery a WHERE a.alert_id = c.alert_id AND a.alert_version = 1
                                      AND a.subscriber_id = c.subscriber_id AND a.channel = c.channel)
                                """).param(alertId).query(Long.class).single())
                .as("cancellations to people who never got the alert")
                .isZero();
    }

    private static void assertEveryoneOnceOnEachChannel(AlertEvent alert, int subscribers) {
        record Counts(long deliveries, long distinctRecipients, long subscribers) {}
        Counts counts = jdbc.sql("""
                        SELECT count(*), count(DISTINCT (subscriber_id, channel)), count(DISTINCT subscriber_id)
                        FROM delivery WHERE alert_id = ? AND alert_version = ?
                        """)
                .params(alert.alertId(), alert.version())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        assertThat(counts).isEqualTo(new Counts(2L * subscribers, 2L * subscribers, subscribers));
    }

    private static long deliveries(AlertEvent alert) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ?")
                .param(alert.alertId())
                .query(Long.class)
                .single();
    }

    private static long sent(AlertEvent alert) {
        return jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND status = 'SENT'")
                .param(alert.alertId())
                .query(Long.class)
                .single();
    }

    private static String progress(AlertEvent alert) {
        return jdbc.sql("""
                        SELECT CASE WHEN fanned_out_at IS NOT NULL THEN 'done'
                                    WHEN fan_out_cursor IS NOT NULL THEN 'started' ELSE 'not started' END
                        FROM alert_version WHERE alert_id = ? AND version = ?
                        """)
                .params(alert.alertId(), alert.version())
                .query(String.class)
                .single();
    }

    /** Stores the version as the alert listener would, without announcing it. */
    private static AlertEvent stored(AlertEvent alert) {
        jdbc.sql("""
                        INSERT INTO alert_version (alert_id, version, msg_type, status, severity, effective, expires, sent, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        alert.alertId(),
                        alert.version(),
                        alert.msgType().name(),
                        alert.status().name(),
                        alert.severity().name(),
                        Timestamp.from(alert.effective()),
                        Timestamp.from(alert.expires()),
                        Timestamp.from(alert.sent()),
                        new String(EventJson.write(alert), StandardCharsets.UTF_8))
                .update();
        return alert;
    }

    private static AlertEvent alert(MsgType type, UUID alertId, int version, String region) {
        Instant now = Instant.now();
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                alertId,
                version,
                type,
                AlertStatus.Actual,
                "koordinator@oslo.kommune.no",
                now,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                List.of("protonitazen"),
                EvidenceSource.DRUG_CHECKING,
                now,
                now.plus(Duration.ofDays(14)),
                List.of(region),
                List.of(new AlertInfo(
                        "nb",
                        "Nitazener i heroin",
                        "Chunk test " + alertId,
                        "Brunt pulver solgt som heroin inneholder protonitazen.",
                        List.of("Ikke bruk alene"),
                        null)),
                null,
                version == 1 ? List.of() : List.of(version - 1));
    }
}
