package no.overdosevarsel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTests {

    static final Instant SENT = Instant.parse("2026-03-14T09:30:00Z");

    static AlertEvent alert() {
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                UUID.fromString("3f6c1a52-8d0e-4b7a-9c2f-5e1d7b4a9c10"),
                2,
                MsgType.Update,
                AlertStatus.Actual,
                "Oslo kommune, Velferdsetaten",
                SENT,
                Severity.Extreme,
                Urgency.Immediate,
                Certainty.Observed,
                List.of("protonitazen", "heroin"),
                EvidenceSource.DRUG_CHECKING,
                SENT,
                Instant.parse("2026-04-13T09:30:00.123Z"),
                List.of("0301"),
                List.of(
                        new AlertInfo(
                                "nb",
                                "Nitazener i heroin",
                                "Nitazener funnet i brunt pulver solgt som heroin i Oslo",
                                "Rusmiddelanalyse har funnet protonitazen i brunt pulver solgt som heroin.",
                                List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først"),
                                "Ring 113 ved overdose"),
                        new AlertInfo(
                                "en",
                                "Nitazenes in heroin",
                                "Nitazenes found in brown powder sold as heroin in Oslo",
                                "Drug checking found protonitazene in brown powder sold as heroin.",
                                List.of("Do not use alone", "Keep naloxone at hand"),
                                null)),
                null,
                List.of(1));
    }

    static SubscriptionEvent subscription() {
        return new SubscriptionEvent(
                SubscriptionEvent.SCHEMA_VERSION,
                UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001"),
                7,
                SubscriberStatus.ACTIVE,
                "nb",
                Severity.Severe,
                List.of("0301", "NO-46"),
                List.of(
                        new ContactPoint(Channel.SMS, "+4791234567"),
                        new ContactPoint(Channel.EMAIL, "lavterskel@example.no")),
                "opaque-signed-token",
                SENT);
    }

    static DirectMessage directMessage() {
        return new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.fromString("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"),
                DirectMessage.Purpose.VERIFICATION_CODE,
                Channel.SMS,
                "+4791234567",
                "nb",
                null,
                "Koden din er 482913",
                SENT,
                SENT.plusSeconds(600));
    }

    @Test
    void alertSurvivesARoundTripThroughTheKafkaSerializers() {
        AlertEvent alert = alert();
        byte[] json = new JsonEventSerializer<AlertEvent>().serialize(Topics.ALERTS, alert);

        assertThat(new JsonEventDeserializer<>(AlertEvent.class).deserialize(Topics.ALERTS, json))
                .isEqualTo(alert);
    }

    @Test
    void subscriptionSurvivesARoundTripThroughTheKafkaSerializers() {
        SubscriptionEvent subscription = subscription();
        byte[] json = new JsonEventSerializer<SubscriptionEvent>().serialize(Topics.SUBSCRIPTIONS, subscription);

        assertThat(new JsonEventDeserializer<>(SubscriptionEvent.class).deserialize(Topics.SUBSCRIPTIONS, json))
                .isEqualTo(subscription);
    }

    @Test
    void directMessageSurvivesARoundTripThroughEventJson() {
        DirectMessage message = directMessage();

        assertThat(EventJson.read(EventJson.write(message), DirectMessage.class))
                .isEqualTo(message);
    }

    @Test
    void writesInstantsAsIsoStrings() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(alert()));

        assertThat(json.get("sent").isString()).isTrue();
        assertThat(json.get("sent").asString()).isEqualTo("2026-03-14T09:30:00Z");
        assertThat(json.get("expires").asString()).isEqualTo("2026-04-13T09:30:00.123Z");
    }

    @Test
    void writesEnumsByNameAndAbsentOptionalTextAsNull() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(alert()));

        assertThat(json.get("msgType").asString()).isEqualTo("Update");
        assertThat(json.get("evidenceSource").asString()).isEqualTo("DRUG_CHECKING");
        assertThat(json.get("web").isNull()).isTrue();
        assertThat(json.get("info").get(1).get("contact").isNull()).isTrue();
    }

    @Test
    void toleratesPropertiesAddedByANewerProducer() {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(subscription()));
        json.put("quietHours", "22:00-07:00");
        ((ObjectNode) json.get("contactPoints").get(0)).put("verifiedAt", "2026-03-01T12:00:00Z");

        SubscriptionEvent read = EventJson.read(
                EventJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8), SubscriptionEvent.class);

        assertThat(read).isEqualTo(subscription());
    }

    @Test
    void aTombstoneStaysNullBothWays() {
        assertThat(new JsonEventSerializer<SubscriptionEvent>().serialize(Topics.SUBSCRIPTIONS, null))
                .isNull();
        assertThat(new JsonEventDeserializer<>(SubscriptionEvent.class).deserialize(Topics.SUBSCRIPTIONS, null))
                .isNull();
    }
}
