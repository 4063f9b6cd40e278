package no.overdosevarsel.subscriber.feedback;

import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.feedback.ContactFeedback;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code contact-feedback}; a record that cannot be read goes to the dead-letter topic (app-platform). */
@Component
class ContactFeedbackListener {

    private final FeedbackRecorder recorder;

    ContactFeedbackListener(FeedbackRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(id = "subscriber-contact-feedback", topics = Topics.CONTACT_FEEDBACK)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        recorder.record(EventJson.read(record.value(), ContactFeedback.class));
    }
}
