package no.overdosevarsel.contracts;

import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/** Kafka serializer for any event record; a null value stays null (a tombstone). */
public final class JsonEventSerializer<T> implements Serializer<T> {

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable T data) {
        return data == null ? null : EventJson.write(data);
    }
}
