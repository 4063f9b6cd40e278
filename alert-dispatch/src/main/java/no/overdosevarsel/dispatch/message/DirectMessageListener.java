package no.overdosevarsel.dispatch.message;

import java.nio.charset.StandardCharsets;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes one-off messages as they arrive, on their own listener so that they never wait behind an alert's fan-out. Each
 * message id is recorded once and sent at once; one the provider cannot take yet stays in the database and is retried
 * by {@link DirectMessageSender}.
 */
@Component
class DirectMessageListener {

    private final JdbcClient jdbc;
    private final DirectMessageSender sender;

    DirectMessageListener(JdbcClient jdbc, DirectMessageSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    @KafkaListener(id = "dispatch-direct-messages", topics = Topics.DIRECT_MESSAGES)
    void on(ConsumerRecord<String, byte[]> record) {
        DirectMessage message = EventJson.read(record.value(), DirectMessage.class);
        int inserted = jdbc.sql("""
                        INSERT INTO direct_message (message_id, channel, status, payload)
                        VALUES (?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING
                        """)
                .params(
                        message.messageId(),
                        message.channel().name(),
                        new String(EventJson.write(message), StandardCharsets.UTF_8))
                .update();
        if (inserted == 1) {
            sender.attempt(message, 1);
        }
    }
}
