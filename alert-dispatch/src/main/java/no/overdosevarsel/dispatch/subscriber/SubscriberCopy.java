package no.overdosevarsel.dispatch.subscriber;

import java.sql.Timestamp;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Dispatch's copy of subscribers: replaced whole by each newer snapshot, deleted by a tombstone. */
@Repository
class SubscriberCopy {

    private final JdbcClient jdbc;

    SubscriberCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a snapshot unless a newer revision is already stored (a stale redelivery changes nothing). */
    @Transactional
    void apply(SubscriptionEvent snapshot) {
        int changed = jdbc.sql("""
                        INSERT INTO subscriber (id, revision, active, language, min_severity_rank, unsubscribe_token, updated_at)
                        VALUES (:id, :revision, :active, :language, :rank, :token, :updatedAt)
                        ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, active = excluded.active,
                            language = excluded.language, min_severity_rank = excluded.min_severity_rank,
                            unsubscribe_token = excluded.unsubscribe_token, updated_at = excluded.updated_at
                        WHERE subscriber.revision < excluded.revision
                        """)
                .param("id", snapshot.subscriberId())
                .param("revision", snapshot.revision())
                .param("active", snapshot.status() == SubscriberStatus.ACTIVE)
                .param("language", snapshot.language())
                .param("rank", snapshot.minimumSeverity().ordinal())
                .param("token", snapshot.unsubscribeToken())
                .param("updatedAt", Timestamp.from(snapshot.updatedAt()))
                .update();
        if (changed == 0) {
            return;
        }
        UUID id = snapshot.subscriberId();
        jdbc.sql("DELETE FROM subscriber_region WHERE subscriber_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM contact_point WHERE subscriber_id = ?").param(id).update();
        for (String region : snapshot.regions().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO subscriber_region (subscriber_id, region_code) VALUES (?, ?)")
                    .params(id, region)
                    .update();
        }
        for (ContactPoint contact : snapshot.contactPoints().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO contact_point (subscriber_id, channel, address) VALUES (?, ?, ?)")
                    .params(id, contact.channel().name(), contact.address())
                    .update();
        }
    }

    /**
     * Erasure: the subscriber and every delivery address that was copied for them. Deliveries not yet sent are ended
     * (failed, "subscriber erased"), so nothing is sent to an empty address and nothing is reported back about it.
     */
    @Transactional
    void erase(UUID subscriberId) {
        jdbc.sql("""
                UPDATE delivery
                   SET address = '',
                       failure_reason = CASE WHEN status = 'PENDING'
                                             THEN 'subscriber erased before sending' ELSE failure_reason END,
                       status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END
                 WHERE subscriber_id = ?
                """).param(subscriberId).update();
        jdbc.sql("DELETE FROM delivery_retry r USING delivery d WHERE d.id = r.delivery_id AND d.subscriber_id = ?")
                .param(subscriberId)
                .update();
        jdbc.sql("DELETE FROM subscriber WHERE id = ?").param(subscriberId).update();
    }
}
