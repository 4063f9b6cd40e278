package no.overdosevarsel.dispatch.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.alert.AlertVersionCommitted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates one delivery per (alert version, subscriber, channel) inside the database, with set-based statements:
 * recipients are never loaded into memory, and the unique key makes a repeated fan-out a no-op. With each chunk's
 * deliveries it writes a {@code delivery_batch} per channel (the chunk's subscriber range), the unit the workers lease.
 *
 * <p>The fan-out is committed in chunks of subscribers taken in id order, and the workers are woken after each chunk,
 * so the first messages go out while the rest is still being created, however many subscribers there are. Each chunk
 * locks its alert version's row, reads the cursor (the last subscriber id a committed chunk covered), inserts the next
 * chunk and moves the cursor, in one transaction. A fan-out interrupted by a crash resumes after the cursor when the
 * record is redelivered (the offset is committed only after the last chunk), and two instances working on the same
 * version take turns chunk by chunk: neither duplicates nor skips anyone.
 */
@Component
class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RegionCatalogue regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;

    FanOut(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            DeliveryMetrics metrics,
            DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
        this.regions = RegionCatalogue.norway();
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs after the version is committed, in the thread that consumed it: an exception leaves the record uncommitted,
     * so it is retried and the fan-out resumes where it stopped.
     */
    @EventListener
    void on(AlertVersionCommitted committed) {
        AlertEvent alert = committed.alert();
        if (alert.status() != AlertStatus.Actual) {
            log.info("Alert {} v{} is {}: not sent to subscribers", alert.alertId(), alert.version(), alert.status());
            return;
        }
        if (!alert.expires().isAfter(clock.instant())) {
            log.info("Alert {} v{} had expired on arrival: not sent", alert.alertId(), alert.version());
            return;
        }
        Set<String> matching = alert.msgType() == MsgType.Cancel ? Set.of() : regions.overlapping(alert.regions());
        Integer[] earlier = jdbc.sql("SELECT version FROM alert_version WHERE alert_id = ? AND version < ?")
                .params(alert.alertId(), alert.version())
                .query(Integer.class)
                .list()
                .toArray(Integer[]::new);
        Recipients recipients = new Recipients(alert, matching.toArray(String[]::new), earlier);
        long started = System.nanoTime();
        int created = 0;
        int chunks = 0;
        Chunk chunk;
        do {
            chunk = transactions.execute(status -> next(recipients));
            if (chunk == null) {
                break;
            }
            chunks++;
            created += chunk.created();
            if (chunk.created() > 0) {
                // After the commit: the workers start on this chunk while the next one is written.
                events.publishEvent(new DeliveriesCreated(alert.alertId(), alert.version(), chunk.created()));
            }
        } while (!chunk.last());
        if (chunks == 0) {
            log.info("Alert {} v{} was already fanned out", alert.alertId(), alert.version());
            return;
        }
        metrics.fanOut(Duration.ofNanos(System.nanoTime() - started), created);
        log.info(
                "Alert {} v{} ({}): {} deliveries created in {} chunk(s)",
                alert.alertId(),
                alert.version(),
                alert.msgType(),
                created,
                chunks);
    }

    /** One chunk in one transaction; null if the fan-out is already complete. */
    private @Nullable Chunk next(Recipients recipients) {
        AlertEvent alert = recipients.alert();
        // Taken for the whole transaction: chunks of the same version never run at once, and the cursor is current.
        Progress progress = jdbc.sql("""
                        SELECT fan_out_cursor, fanned_out_at IS NOT NULL AS done FROM alert_version
                        WHERE alert_id = ? AND version = ? FOR NO KEY UPDATE
                        """)
                .params(alert.alertId(), alert.version())
                .query((rs, n) -> new Progress(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                .single();
        if (progress.done()) {
            return null;
        }
        UUID after = progress.cursor();
        // The chunk's last subscriber id, counted over all subscribers (an index-only range): null for the last chunk.
        UUID upTo = jdbc.sql("SELECT id FROM subscriber" + (after == null ? "" : " WHERE id > :after")
                        + " ORDER BY id OFFSET :skip LIMIT 1")
                .param("after", after)
                .param("skip", Math.max(1, properties.fanOutChunk()) - 1)
                .query(UUID.class)
                .optional()
                .orElse(null);
        int created = recipients.isEmpty() ? 0 : insert(recipients, after, upTo);
        jdbc.sql("""
                        UPDATE alert_version SET fan_out_cursor = :upTo,
                            fanned_out_at = CASE WHEN :last THEN now() ELSE fanned_out_at END
                        WHERE alert_id = :alertId AND version = :version
                        """)
                .param("upTo", upTo)
                .param("last", upTo == null)
                .param("alertId", alert.alertId())
                .param("version", alert.version())
                .update();
        return new Chunk(created, upTo == null);
    }

    /**
     * Everyone in the chunk whose regions overlap and whose threshold the severity meets, and (for an update or a
     * cancellation) everyone in the chunk who got an earlier version on that channel.
     */
    private int insert(Recipients recipients, @Nullable UUID after, @Nullable UUID upTo) {
        String range = (after == null ? "" : " AND s.id > :after") + (upTo == null ? "" : " AND s.id <= :upTo");
        StringBuilder select = new StringBuilder();
        if (recipients.regions().length > 0) {
            select.append("""
                    SELECT s.id AS subscriber_id, c.channel, c.address, s.language
                    FROM subscriber s
                    JOIN contact_point c ON c.subscriber_id = s.id
                    WHERE s.active AND s.min_severity_rank <= :severityRank%s
                      AND EXISTS (SELECT 1 FROM subscriber_region r
                                  WHERE r.subscriber_id = s.id AND r.region_code = ANY(:regions))
                    """.formatted(range));
        }
        if (recipients.earlierVersions().length > 0) {
            if (!select.isEmpty()) {
                select.append("UNION\n");
            }
            // Equality on the version (one index descent each) keeps the subscriber range a bound of the index scan.
            select.append("""
                    SELECT s.id AS subscriber_id, c.channel, c.address, s.language
                    FROM (SELECT DISTINCT subscriber_id, channel FROM delivery
                          WHERE alert_id = :alertId AND alert_version = ANY(:earlier)%s) earlier
                    JOIN subscriber s ON s.id = earlier.subscriber_id AND s.active
                    JOIN contact_point c ON c.subscriber_id = s.id AND c.channel = earlier.channel
                    """.formatted(range.replace("s.id", "subscriber_id")));
        }
        AlertEvent alert = recipients.alert();
        // The chunk's deliveries, and for each channel that got any, the batch the workers lease to send them.
        return jdbc.sql("""
                        WITH created AS (
                            INSERT INTO delivery (alert_id, alert_version, subscriber_id, channel, address, language, priority, status)
                            SELECT :alertId, :version, m.subscriber_id, m.channel, m.address, m.language, :priority, 'PENDING'
                            FROM (%s) m
                            ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                            RETURNING channel),
                        batches AS (
                            INSERT INTO delivery_batch (alert_id, alert_version, channel, priority, subscriber_after, subscriber_up_to)
                            SELECT :alertId, :version, channel, :priority, CAST(:after AS uuid), CAST(:upTo AS uuid)
                            FROM created GROUP BY channel
                            RETURNING 1)
                        SELECT count(*) FROM created
                        """.formatted(select))
                .param("alertId", alert.alertId())
                .param("version", alert.version())
                .param("priority", alert.severity().ordinal())
                .param("severityRank", alert.severity().ordinal())
                .param("regions", recipients.regions())
                .param("earlier", recipients.earlierVersions())
                .param("after", after)
                .param("upTo", upTo)
                .query(Integer.class)
                .single();
    }

    private record Recipients(AlertEvent alert, String[] regions, Integer[] earlierVersions) {
        boolean isEmpty() {
            return regions.length == 0 && earlierVersions.length == 0;
        }
    }

    private record Progress(@Nullable UUID cursor, boolean done) {}

    private record Chunk(int created, boolean last) {}
}
