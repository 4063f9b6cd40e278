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
     * Records many accepted sends in one statement and one commit: at provider speed a commit per message, not the
     * provider, would set the pace. One statement needs no transaction of its own (one round trip fewer); it changes
     * no indexed column, so each row's new version can be a HOT update.
     */
    void sent(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE delivery d SET status = 'SENT', provider_id = s.provider_id, sent_at = now(), failure_reason = NULL
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:providerIds AS text[])) AS s(id, provider_id)
                        WHERE d.id = s.id
                        """)
                .param("ids", sent.stream().map(Sent::deliveryId).toArray(Long[]::new))
                .param("providerIds", sent.stream().map(Sent::providerId).toArray(String[]::new))
                .update();
    }

    @Transactional
    void retryAt(long deliveryId, String reason, Instant when) {
        jdbc.sql("UPDATE delivery SET status = 'PENDING', claimed_at = NULL, failure_reason = ?, next_attempt_at = ? "
                        // still ours: not failed meanwhile because the subscriber was erased
                        + "WHERE id = ? AND status = 'SENDING'")
                .params(reason, Timestamp.from(when), deliveryId)
                .update();
    }

    @Transactional
    void failed(long deliveryId, String reason) {
        jdbc.sql("UPDATE delivery SET status = 'FAILED', failure_reason = ? WHERE id = ?")
                .params(reason, deliveryId)
                .update();
    }

    @Transactional
    void rejected(
            long deliveryId, Channel channel, String address, UUID subscriberId, String reason, boolean optedOut) {
        jdbc.sql("UPDATE delivery SET status = ?, failure_reason = ? WHERE id = ?")
                .params(optedOut ? "OPTED_OUT" : "REJECTED", reason, deliveryId)
                .update();
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
     * Parameters: new status, reason, provider id. {@code channel = 'SMS'} lets the partial index
     * {@code delivery_by_provider_id} (V4) serve it: Twilio sends several callbacks per message.
     */
    public static final String PROVIDER_STATUS_UPDATE =
            "UPDATE delivery SET status = ?, failure_reason = coalesce(?, failure_reason) WHERE provider_id = ?"
                    + " AND channel = 'SMS' AND status IN ('SENT', 'DELIVERED') RETURNING channel, address, subscriber_id";

    /**
     * A provider's status callback for a message it had accepted. Unknown provider ids change nothing (a callback for
     * a one-off message, or one replayed after erasure).
     */
    @Transactional
    public void providerStatus(String providerId, ProviderStatus status, @Nullable String reason, boolean optedOut) {
        var delivery = jdbc.sql(PROVIDER_STATUS_UPDATE)
                .params(status.name(), reason, providerId)
                .query((rs, n) ->
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

    /** A delivery the provider accepted, under the id its status callbacks will carry. */
    record Sent(long deliveryId, String providerId) {}

    /** What a provider's status callback can move a sent delivery to. */
    public enum ProviderStatus {
        DELIVERED,
        UNDELIVERED,
        FAILED
    }
}
