package no.overdosevarsel.dispatch.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.AlertDispatchApplication;
import no.overdosevarsel.dispatch.DispatchTestSupport;
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
 * the same version at once reach everyone once, and a cancellation reaches every earlier recipient in every chunk. And
 * the batches the workers lease (one per chunk and channel): a batch held by an instance that died is sent by another
 * once its lease runs out, only what had not been sent; when batches wait, higher severity goes first.
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

    @Test
    void aBatchLeasedByAnInstanceThatDiedIsSentByAnotherOnceItsLeaseRunsOutOnlyWhatWasNotSent() {
        AlertEvent alert = stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "NO", Severity.Severe, "Lease test"));
        holdingNewBatches(() -> fanOut.on(new AlertVersionCommitted(alert)));
        assertThat(batches(alert)).isGreaterThan(2L);
        // The instance holding the leases died after sending to the first half of the subscribers.
        int sentBeforeDying = jdbc.sql("""
                        UPDATE delivery SET status = 'SENT', attempts = 1, sent_at = now(), provider_id = 'earlier'
                        WHERE alert_id = ? AND subscriber_id IN (
                            SELECT subscriber_id FROM delivery WHERE alert_id = ? AND channel = 'SMS'
                            ORDER BY subscriber_id LIMIT ?)
                        """)
                .params(alert.alertId(), alert.alertId(), SUBSCRIBERS / 2)
                .update();
        assertThat(sentBeforeDying).isEqualTo(SUBSCRIBERS);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> sent(alert) == SUBSCRIBERS);

        // What operators see meanwhile: the half not sent, per channel.
        await().atMost(Duration.ofSeconds(15)).until(() -> queue("sms") == SUBSCRIBERS / 2.0);
        assertThat(queue("email")).isEqualTo(SUBSCRIBERS / 2.0);

        jdbc.sql("UPDATE delivery_batch SET lease_until = now() - interval '1 second' WHERE alert_id = ?")
                .param(alert.alertId())
                .update();

        await().atMost(Duration.ofSeconds(60)).until(() -> sent(alert) == 2L * SUBSCRIBERS);
        await().atMost(Duration.ofSeconds(15)).until(() -> queue("sms") == 0.0);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND attempts <> 1")
                        .param(alert.alertId())
                        .query(Long.class)
                        .single())
                .as("deliveries sent more than once")
                .isZero();
        assertThat(smsInOutbox("Lease test")).hasSize(SUBSCRIBERS / 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> batches(alert) == 0L);
    }

    @Test
    void whenBatchesWaitHigherSeverityIsSentFirst() {
        AlertEvent minor = stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "0301", Severity.Minor, "Minor first in"));
        AlertEvent extreme =
                stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "0301", Severity.Extreme, "Extreme last in"));
        holdingNewBatches(() -> {
            fanOut.on(new AlertVersionCommitted(minor));
            fanOut.on(new AlertVersionCommitted(extreme));
        });

        jdbc.sql("UPDATE delivery_batch SET lease_until = now() - interval '1 second' WHERE alert_id IN (?, ?)")
                .params(minor.alertId(), extreme.alertId())
                .update();

        await().atMost(Duration.ofSeconds(60)).until(() -> sent(minor) + sent(extreme) == 2L * SUBSCRIBERS);
        List<String> order = jdbc.sql("""
                        SELECT body FROM local_outbox
                        WHERE channel = 'SMS' AND (body LIKE '%Minor first in%' OR body LIKE '%Extreme last in%')
                        ORDER BY id
                        """).query(String.class).list();
        assertThat(order).hasSize(SUBSCRIBERS);
        int extremes = SUBSCRIBERS / 2;
        // Only the sends already in flight when the last extreme batch was read may come after a minor one.
        int inFlight = dispatch.getBeansOfType(AlertChannel.class).values().stream()
                .filter(channel -> channel.channel() == Channel.SMS)
                .findFirst()
                .orElseThrow()
                .concurrency();
        assertThat(order.subList(0, extremes - inFlight)).allMatch(body -> body.contains("Extreme last in"));
        assertThat(order.subList(extremes + inFlight, SUBSCRIBERS)).allMatch(body -> body.contains("Minor first in"));
    }

    @Test
    void aRefusalArrivingAfterTheSubscriberWasErasedRecordsNothingAndFeedsNothingBack() throws Exception {
        UUID erased = subscriberOfTheirOwn("+4799999999");
        AlertEvent alert = stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "5001", Severity.Severe, "Erased"));
        holdingNewBatches(() -> fanOut.on(new AlertVersionCommitted(alert)));
        long deliveryId = jdbc.sql("SELECT id FROM delivery WHERE alert_id = ? AND subscriber_id = ?")
                .params(alert.alertId(), erased)
                .query(Long.class)
                .single();
        // Erased (a tombstone on subscriptions) while the SMS is on its way to Twilio.
        try (DispatchTestSupport topics = new DispatchTestSupport(kafka.bootstrapServers())) {
            topics.send(Topics.SUBSCRIPTIONS, erased.toString(), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(deliveryId)));
        long outboxBefore = outboxSequence();

        // Then Twilio's answer: opted out.
        dispatch.getBean(DeliveryOutcomes.class)
                .rejected(deliveryId, Channel.SMS, "+4799999999", erased, "twilio 400/21610 opted out", true);

        assertThat(status(deliveryId)).isEqualTo("FAILED");
        assertThat(outboxSequence()).as("feedback carrying the erased number").isEqualTo(outboxBefore);
        finishHeld(alert);
    }

    @Test
    void aStatusCallbackThatOvertakesTheRecordingOfItsSendIsKept() {
        UUID subscriber = subscriberOfTheirOwn("+4799999998");
        AlertEvent alert =
                stored(alert(MsgType.Alert, UUID.randomUUID(), 1, "5001", Severity.Severe, "Early callback"));
        holdingNewBatches(() -> fanOut.on(new AlertVersionCommitted(alert)));
        long deliveryId = jdbc.sql("SELECT id FROM delivery WHERE alert_id = ? AND subscriber_id = ?")
                .params(alert.alertId(), subscriber)
                .query(Long.class)
                .single();
        DeliveryOutcomes outcomes = dispatch.getBean(DeliveryOutcomes.class);
        String sid = "SM" + "1".repeat(32);

        // Twilio accepted the SMS and its "delivered" callback comes before the recorder has written the send.
        outcomes.providerStatus(deliveryId, sid, DeliveryOutcomes.ProviderStatus.DELIVERED, null, false);
        assertThat(status(deliveryId)).isEqualTo("DELIVERED");
        outcomes.sent(List.of(new DeliveryOutcomes.Sent(deliveryId, sid, false)));

        assertThat(status(deliveryId)).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("SELECT provider_id || ' ' || attempts FROM delivery WHERE id = ?")
                        .param(deliveryId)
                        .query(String.class)
                        .single())
                .isEqualTo(sid + " 1");
        finishHeld(alert);
        // Out of the way of the other tests' national alerts.
        jdbc.sql("UPDATE subscriber SET active = false WHERE id = ?")
                .param(subscriber)
                .update();
    }

    /** Lets the workers send what is left of the alert's held batches, so that nothing stays waiting for later tests. */
    private static void finishHeld(AlertEvent alert) {
        jdbc.sql("UPDATE delivery_batch SET lease_until = now() - interval '1 second' WHERE alert_id = ?")
                .param(alert.alertId())
                .update();
        await().atMost(Duration.ofSeconds(30)).until(() -> batches(alert) == 0L);
    }

    /**
     * A subscriber in Trondheim with an SMS number, for a test that ends it (erases or deactivates it): the others
     * are shared by every test in this class, whose national alerts count them.
     */
    private static UUID subscriberOfTheirOwn(String phone) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO subscriber (id, revision, active, language, min_severity_rank, unsubscribe_token, updated_at)
                        VALUES (?, 1, true, 'nb', 0, ?, now())
                        """).params(id, "token-" + phone).update();
        jdbc.sql("INSERT INTO subscriber_region (subscriber_id, region_code) VALUES (?, '5001')")
                .param(id)
                .update();
        jdbc.sql("INSERT INTO contact_point (subscriber_id, channel, address) VALUES (?, 'SMS', ?)")
                .params(id, phone)
                .update();
        return id;
    }

    private static String status(long deliveryId) {
        return jdbc.sql("SELECT status FROM delivery WHERE id = ?")
                .param(deliveryId)
                .query(String.class)
                .single();
    }

    /** The outbox's id sequence: it moves with every event appended, whether or not the relay has sent it yet. */
    private static long outboxSequence() {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_id_seq")
                .query(Long.class)
                .single();
    }

    /** Batches written meanwhile start out leased for an hour, as if by an instance that then died. */
    private static void holdingNewBatches(Runnable fanOuts) {
        jdbc.sql("""
                        CREATE FUNCTION hold_batches() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            NEW.lease_until := now() + interval '1 hour';
                            RETURN NEW;
                        END $$
                        """).update();
        jdbc.sql(
                        "CREATE TRIGGER hold_batches BEFORE INSERT ON delivery_batch FOR EACH ROW EXECUTE FUNCTION hold_batches()")
                .update();
        try {
            fanOuts.run();
        } finally {
            jdbc.sql("DROP TRIGGER hold_batches ON delivery_batch").update();
            jdbc.sql("DROP FUNCTION hold_batches()").update();
        }
    }

    private static double queue(String channel) {
        return dispatch.getBean(MeterRegistry.class)
                .get("overdosevarsel.delivery.queue")
                .tag("channel", channel)
                .gauge()
                .value();
    }

    private static long batches(AlertEvent alert) {
        return jdbc.sql("SELECT count(*) FROM delivery_batch WHERE alert_id = ?")
                .param(alert.alertId())
                .query(Long.class)
                .single();
    }

    private static List<String> smsInOutbox(String headline) {
        return jdbc.sql("SELECT recipient FROM local_outbox WHERE channel = 'SMS' AND body LIKE ?")
                .param("%" + headline + "%")
                .query(String.class)
                .list();
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
        return alert(type, alertId, version, region, Severity.Severe, "Chunk test");
    }

    private static AlertEvent alert(
            MsgType type, UUID alertId, int version, String region, Severity severity, String headline) {
        Instant now = Instant.now();
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                alertId,
                version,
                type,
                AlertStatus.Actual,
                "koordinator@oslo.kommune.no",
                now,
                severity,
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
                        headline + " " + alertId,
                        "Brunt pulver solgt som heroin inneholder protonitazen.",
                        List.of("Ikke bruk alene"),
                        null)),
                null,
                version == 1 ? List.of() : List.of(version - 1));
    }
}
