package no.overdosevarsel.contracts;

import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/** Kafka deserializer for one event type; a null value (tombstone) stays null. */
public class JsonEventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    public JsonEventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public @Nullable T deserialize(String topic, byte @Nullable [] data) {
        return data == null ? null : EventJson.read(data, type);
    }
}
