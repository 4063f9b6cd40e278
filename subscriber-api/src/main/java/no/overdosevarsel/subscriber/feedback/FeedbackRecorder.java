package no.overdosevarsel.subscriber.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.overdosevarsel.contracts.feedback.ContactFeedback;
import no.overdosevarsel.subscriber.subscription.AddressChange;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import no.overdosevarsel.subscriber.subscription.OptOuts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a provider's verdict to every subscriber with that address: the person's opt-out at the provider, or an
 * address that can never be delivered to, applies whoever subscribed it. The feedback id is recorded in the same
 * transaction, so a redelivered record changes nothing.
 */
@Service
class FeedbackRecorder {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRecorder.class);

    private final OptOuts optOuts;
    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackRecorder(OptOuts optOuts, JdbcClient jdbc, Clock clock) {
        this.optOuts = optOuts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Ids older than the topic's retention (30 days) cannot be redelivered: they need not be remembered. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT6H")
    void forgetOldIds() {
        jdbc.sql("DELETE FROM processed_feedback WHERE processed_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(31)), ZoneOffset.UTC))
                .update();
    }

    @Transactional
    void record(ContactFeedback feedback) {
        int fresh = jdbc.sql("""
                        INSERT INTO processed_feedback (feedback_id, processed_at) VALUES (:id, :at)
                        ON CONFLICT (feedback_id) DO NOTHING
                        """)
                .param("id", feedback.feedbackId())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (fresh == 0) {
            log.debug("Feedback {} was recorded before", feedback.feedbackId());
            return;
        }
        // Dispatch sends what it sent to, which we normalised; normalising again costs nothing and guards a mismatch.
        String address = ContactAddresses.normalise(feedback.channel(), feedback.address())
                .orElse(feedback.address());
        AddressChange change = switch (feedback.kind()) {
            case OPTED_OUT -> optOuts.optOut(feedback.channel(), address);
            case UNDELIVERABLE -> optOuts.markUndeliverable(feedback.channel(), address);
        };
        log.info(
                "Feedback {} ({} {}): {} subscriber(s) changed",
                feedback.feedbackId(),
                feedback.kind(),
                feedback.channel(),
                change.subscribers());
    }
}
