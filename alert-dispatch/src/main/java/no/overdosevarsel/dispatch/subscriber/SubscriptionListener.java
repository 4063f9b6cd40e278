package no.overdosevarsel.dispatch.subscriber;

import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the subscriber copy in step with the compacted topic; a tombstone erases the subscriber. */
@Component
class SubscriptionListener {

    private final SubscriberCopy subscribers;

    SubscriptionListener(SubscriberCopy subscribers) {
        this.subscribers = subscribers;
    }

    @KafkaListener(id = "dispatch-subscriptions", topics = Topics.SUBSCRIPTIONS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            subscribers.erase(UUID.fromString(record.key()));
            return;
        }
        subscribers.apply(EventJson.read(record.value(), SubscriptionEvent.class));
    }
}
