package no.overdosevarsel.dispatch.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.feedback.ContactFeedback;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what became of a delivery. A verdict that an address will never work (opted out, invalid) is fed back to
 * subscriber-api through the outbox in the same transaction, so the status and the feedback cannot disagree.
 */
@Service
public class DeliveryOutcomes {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryOutcomes(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records many accepted sends in one statement: at provider speed a commit per message, not the provider, would set
     * the pace. The update changes no indexed column, so each row's new version can be a HOT update. Sends that were
     * retries leave the retry queue in a second statement; should that one be lost, the retry is found sent and dropped
     * when it comes due.
     */
    void sent(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE delivery d SET provider_id = s.provider_id, sent_at = now(), attempts = d.attempts + 1,
                            -- a status callback that came first has said more than "sent"
                            status = CASE WHEN d.provider_id = s.provider_id THEN d.status ELSE 'SENT' END,
                            failure_reason = CASE WHEN d.provider_id = s.provider_id THEN d.failure_reason END
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:providerIds AS text[])) AS s(id, provider_id)
                        WHERE d.id = s.id
                        """)
                .param("ids", sent.stream().map(Sent::deliveryId).toArray(Long[]::new))
                .param("providerIds", sent.stream().map(Sent::providerId).toArray(String[]::new))
                .update();
        Long[] retried = sent.stream().filter(Sent::retry).map(Sent::deliveryId).toArray(Long[]::new);
        if (retried.length > 0) {
            jdbc.sql("DELETE FROM delivery_retry WHERE delivery_id = ANY(?)")
                    .param(retried)
                    .update();
        }
    }

    /**
     * An attempt that may succeed later: the delivery waits in the retry queue until {@code when}. Nothing happens if
     * the delivery has ended meanwhile (failed because the subscriber was erased).
     */
    @Transactional
    void retryAt(long deliveryId, Channel channel, int priority, String reason, Instant when) {
        int updated = jdbc.sql("UPDATE delivery SET attempts = attempts + 1, failure_reason = ? "
                        + "WHERE id = ? AND status = 'PENDING'")
                .params(reason, deliveryId)
                .update();
        if (updated == 0) {
            forgetRetry(deliveryId);
            return;
        }
        jdbc.sql("""
                        INSERT INTO delivery_retry (delivery_id, channel, priority, due_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (delivery_id) DO UPDATE SET due_at = EXCLUDED.due_at
                        """)
                .params(deliveryId, channel.name(), priority, Timestamp.from(when))
                .update();
    }

    /** Gave up after the last attempt; nothing happens if the delivery has ended meanwhile (erased subscriber). */
    @Transactional
    void failed(long deliveryId, String reason) {
        jdbc.sql("UPDATE delivery SET status = 'FAILED', failure_reason = ?, attempts = attempts + 1"
                        + " WHERE id = ? AND status = 'PENDING'")
                .params(reason, deliveryId)
                .update();
        forgetRetry(deliveryId);
    }

    /**
     * The provider refused the address for good. If the delivery has ended meanwhile (the subscriber was erased while
     * the message was on its way), nothing is recorded and nothing is fed back: the address must not come back.
     */
    @Transactional
    void rejected(
            long deliveryId, Channel channel, String address, UUID subscriberId, String reason, boolean optedOut) {
        int updated = jdbc.sql("UPDATE delivery SET status = ?, failure_reason = ?, attempts = attempts + 1"
                        + " WHERE id = ? AND status = 'PENDING'")
                .params(optedOut ? "OPTED_OUT" : "REJECTED", reason, deliveryId)
                .update();
        forgetRetry(deliveryId);
        if (updated == 0) {
            return;
        }
        feedback(
                optedOut ? ContactFeedback.Kind.OPTED_OUT : ContactFeedback.Kind.UNDELIVERABLE,
                channel,
                address,
                subscriberId,
                reason);
    }

    /** A one-off message the provider refused for good: the verdict goes back to subscriber-api all the same. */
    @Transactional
    public void directMessageRejected(Channel channel, String address, String reason, boolean optedOut) {
        feedback(
                optedOut ? ContactFeedback.Kind.OPTED_OUT : ContactFeedback.Kind.UNDELIVERABLE,
                channel,
                address,
                null,
                reason);
    }

    /**
     * Parameters: new status, reason, provider id, delivery id, provider id. By primary key: the callback URL names the
     * delivery. The provider id must match as well, so a callback cannot move another delivery; or, if the callback has
     * overtaken the recording of the send (accepted sends are written a few at a time), it is recorded here and the
     * recorder then leaves the status alone.
     */
    public static final String PROVIDER_STATUS_UPDATE =
            "UPDATE delivery SET status = ?, failure_reason = coalesce(?, failure_reason), provider_id = ?"
                    + " WHERE id = ? AND channel = 'SMS' AND (status IN ('SENT', 'DELIVERED') AND provider_id = ?"
                    + " OR status = 'PENDING' AND provider_id IS NULL) RETURNING channel, address, subscriber_id";

    /**
     * Messages sent before callback URLs named their delivery: found by Twilio's SID, which no index has (an index on
     * it would make recording every sent SMS a non-HOT update). Parameters: new status, reason, provider id.
     */
    static final String PROVIDER_STATUS_UPDATE_BY_PROVIDER_ID =
            "UPDATE delivery SET status = ?, failure_reason = coalesce(?, failure_reason) WHERE provider_id = ?"
                    + " AND channel = 'SMS' AND status IN ('SENT', 'DELIVERED') RETURNING channel, address, subscriber_id";

    /**
     * A provider's status callback for a message it had accepted. Unknown ids change nothing (a callback for a one-off
     * message, or one replayed after erasure).
     */
    @Transactional
    public void providerStatus(
            @Nullable Long deliveryId,
            String providerId,
            ProviderStatus status,
            @Nullable String reason,
            boolean optedOut) {
        var update = deliveryId != null
                ? jdbc.sql(PROVIDER_STATUS_UPDATE).params(status.name(), reason, providerId, deliveryId, providerId)
                : jdbc.sql(PROVIDER_STATUS_UPDATE_BY_PROVIDER_ID).params(status.name(), reason, providerId);
        var delivery = update.query((rs, n) ->
                        new Object[] {Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, UUID.class)})
                .optional();
        if (optedOut && delivery.isPresent()) {
            Object[] row = delivery.get();
            feedback(
                    ContactFeedback.Kind.OPTED_OUT,
                    (Channel) row[0],
                    (String) row[1],
                    (UUID) row[2],
                    reason == null ? "opted out" : reason);
        }
    }

    private void forgetRetry(long deliveryId) {
        jdbc.sql("DELETE FROM delivery_retry WHERE delivery_id = ?")
                .param(deliveryId)
                .update();
    }

    private void feedback(
            ContactFeedback.Kind kind, Channel channel, String address, @Nullable UUID subscriberId, String reason) {
        if (address.isEmpty()) {
            return;
        }
        outbox.append(
                Topics.CONTACT_FEEDBACK,
                address,
                new ContactFeedback(
                        ContactFeedback.SCHEMA_VERSION,
                        UUID.randomUUID(),
                        kind,
                        channel,
                        address,
                        subscriberId,
                        reason,
                        clock.instant()));
    }

    /**
     * A delivery the provider accepted, under the id its status callbacks will carry.
     *
     * @param retry whether this was a retry, waiting in the retry queue
     */
    record Sent(long deliveryId, String providerId, boolean retry) {}

    /** What a provider's status callback can move a sent delivery to. */
    public enum ProviderStatus {
        DELIVERED,
        UNDELIVERED,
        FAILED
    }
}
