package no.overdosevarsel.dispatch.message;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sends one-off messages as they arrive, on their own listener so that they never wait behind an alert's fan-out. Each
 * message id is sent at most once; a provider that asks us to try later gets the record back through the error
 * handler's backoff.
 */
@Component
class DirectMessageListener {

    private static final Logger log = LoggerFactory.getLogger(DirectMessageListener.class);

    private final JdbcClient jdbc;
    private final Map<Channel, AlertChannel> channels;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;

    DirectMessageListener(JdbcClient jdbc, List<AlertChannel> channels, DeliveryOutcomes outcomes, Clock clock) {
        this.outcomes = outcomes;
        this.jdbc = jdbc;
        this.channels = channels.stream().collect(Collectors.toMap(AlertChannel::channel, Function.identity()));
        this.clock = clock;
    }

    @KafkaListener(id = "dispatch-direct-messages", topics = Topics.DIRECT_MESSAGES)
    void on(ConsumerRecord<String, byte[]> record) {
        DirectMessage message = EventJson.read(record.value(), DirectMessage.class);
        jdbc.sql(
                        "INSERT INTO direct_message (message_id, channel, status) VALUES (?, ?, 'PENDING') ON CONFLICT DO NOTHING")
                .params(message.messageId(), message.channel().name())
                .update();
        String status = jdbc.sql("SELECT status FROM direct_message WHERE message_id = ?")
                .param(message.messageId())
                .query(String.class)
                .single();
        if (!status.equals("PENDING")) {
            return;
        }
        if (clock.instant().isAfter(message.notAfter())) {
            mark(message, "EXPIRED", null, "not sent before " + message.notAfter());
            return;
        }
        AlertChannel channel = channels.get(message.channel());
        if (channel == null) {
            mark(message, "REJECTED", null, "no channel " + message.channel());
            return;
        }
        switch (channel.sendDirect(message)) {
            case SendResult.Accepted accepted -> mark(message, "SENT", accepted.providerId(), null);
            case SendResult.Rejected rejected -> {
                mark(message, "REJECTED", null, rejected.reason());
                outcomes.directMessageRejected(message.channel(), message.to(), rejected.reason(), rejected.optedOut());
            }
            case SendResult.RetryLater retry -> {
                log.warn("Direct message {} not sent yet: {}", message.messageId(), retry.reason());
                throw new IllegalStateException("Provider asked to retry later: " + retry.reason());
            }
        }
    }

    private void mark(DirectMessage message, String status, @Nullable String providerId, @Nullable String reason) {
        jdbc.sql(
                        "UPDATE direct_message SET status = ?, provider_id = ?, failure_reason = ?, sent_at = now() WHERE message_id = ?")
                .params(status, providerId, reason, message.messageId())
                .update();
    }
}
