package no.overdosevarsel.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Plays the other services' part: publishes what alert-ingest and subscriber-api would publish. */
public final class DispatchTestSupport implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public DispatchTestSupport(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public RecordMetadata publishSubscriber(SubscriptionEvent snapshot) {
        return send(Topics.SUBSCRIPTIONS, snapshot.subscriberId().toString(), EventJson.write(snapshot));
    }

    public RecordMetadata publishAlert(AlertEvent alert) {
        return send(Topics.ALERTS, alert.alertId().toString(), EventJson.write(alert));
    }

    public RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** True once the consumer group has committed past the given record. */
    boolean consumed(String group, RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            OffsetAndMetadata committed = offsets.get(partition);
            return committed != null && committed.offset() > record.offset();
        } catch (Exception e) {
            return false;
        }
    }

    /** SMS through the real Twilio SDK, rerouted to the stub. */
    public static void twilioProvider(DynamicPropertyRegistry registry, TwilioStub twilio) {
        registry.add("overdosevarsel.sms.provider", () -> "twilio");
        registry.add("overdosevarsel.sms.twilio.account-sid", () -> TwilioStub.ACCOUNT_SID);
        registry.add("overdosevarsel.sms.twilio.auth-token", () -> TwilioStub.AUTH_TOKEN);
        registry.add("overdosevarsel.sms.twilio.from", () -> "+4759440000");
        registry.add(
                "overdosevarsel.sms.twilio.api-base-url", () -> twilio.baseUrl().toString());
    }

    public static SubscriptionEvent subscriber(String phone, String email, String... regions) {
        return new SubscriptionEvent(
                SubscriptionEvent.SCHEMA_VERSION,
                UUID.randomUUID(),
                1,
                SubscriberStatus.ACTIVE,
                "nb",
                Severity.Minor,
                List.of(regions),
                List.of(new ContactPoint(Channel.SMS, phone), new ContactPoint(Channel.EMAIL, email)),
                "token-" + UUID.randomUUID(),
                Instant.now());
    }

    public static AlertEvent alert(String headline, String... regions) {
        Instant now = Instant.now();
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                UUID.randomUUID(),
                1,
                MsgType.Alert,
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
                List.of(regions),
                List.of(new AlertInfo(
                        "nb",
                        "Nitazener i heroin",
                        headline,
                        "Brunt pulver solgt som heroin inneholder protonitazen.",
                        List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først"),
                        null)),
                null,
                List.of());
    }

    /** The next version of an alert: Update or Cancel, referencing the earlier one, optionally to other regions. */
    static AlertEvent next(AlertEvent earlier, MsgType type, String... regions) {
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                earlier.alertId(),
                earlier.version() + 1,
                type,
                earlier.status(),
                earlier.sender(),
                Instant.now(),
                earlier.severity(),
                earlier.urgency(),
                earlier.certainty(),
                earlier.substances(),
                earlier.evidenceSource(),
                earlier.effective(),
                earlier.expires(),
                regions.length == 0 ? earlier.regions() : List.of(regions),
                earlier.info(),
                earlier.web(),
                List.of(earlier.version()));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
