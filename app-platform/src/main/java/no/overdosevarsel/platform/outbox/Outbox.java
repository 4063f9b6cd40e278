package no.overdosevarsel.platform.outbox;

import java.nio.charset.StandardCharsets;
import no.overdosevarsel.contracts.EventJson;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends a Kafka record to the app's {@code outbox} table in the caller's transaction. The record is published by
 * {@link OutboxRelay} after the transaction commits, and never if it rolls back.
 */
public class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the event as it will be published; a null event is a tombstone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, @Nullable Object event) {
        byte[] payload = event == null ? null : EventJson.write(event);
        jdbc.sql("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?)")
                .params(topic, key, payload == null ? null : new String(payload, StandardCharsets.UTF_8))
                .update();
    }
}
