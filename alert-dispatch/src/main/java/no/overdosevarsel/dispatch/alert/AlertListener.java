package no.overdosevarsel.dispatch.alert;

import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes every published alert version; the offset is committed only after the version and its whole fan-out are. */
@Component
class AlertListener {

    private final AlertReadModel alerts;

    AlertListener(AlertReadModel alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(id = "dispatch-alerts", topics = Topics.ALERTS)
    void on(ConsumerRecord<String, byte[]> record) {
        alerts.receive(EventJson.read(record.value(), AlertEvent.class));
    }
}
