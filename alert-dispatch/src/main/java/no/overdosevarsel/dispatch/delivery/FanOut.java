package no.overdosevarsel.dispatch.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.alert.AlertVersionStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates one delivery per (alert version, subscriber, channel) in a single set-based statement inside the database:
 * recipients are never loaded into memory, and the unique key makes a repeated fan-out of the same version a no-op.
 */
@Component
class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final JdbcClient jdbc;
    private final RegionCatalogue regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeliveryMetrics metrics;

    FanOut(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.regions = RegionCatalogue.norway();
        this.events = events;
        this.clock = clock;
    }

    /** Runs in the transaction that stored the version, so a crash loses neither or both. */
    @EventListener
    void on(AlertVersionStored stored) {
        AlertEvent alert = stored.alert();
        if (alert.status() != AlertStatus.Actual) {
            log.info("Alert {} v{} is {}: not sent to subscribers", alert.alertId(), alert.version(), alert.status());
            return;
        }
        if (!alert.expires().isAfter(clock.instant())) {
            log.info("Alert {} v{} had expired on arrival: not sent", alert.alertId(), alert.version());
            return;
        }
        Set<String> matching = alert.msgType() == MsgType.Cancel ? Set.of() : regions.overlapping(alert.regions());
        long started = System.nanoTime();
        int created = jdbc.sql("""
                        INSERT INTO delivery (alert_id, alert_version, subscriber_id, channel, address, language, priority, status)
                        SELECT :alertId, :version, m.subscriber_id, m.channel, m.address, m.language, :priority, 'PENDING'
                        FROM (
                            SELECT s.id AS subscriber_id, c.channel, c.address, s.language
                            FROM subscriber s
                            JOIN contact_point c ON c.subscriber_id = s.id
                            WHERE s.active AND s.min_severity_rank <= :severityRank
                              AND EXISTS (SELECT 1 FROM subscriber_region r
                                          WHERE r.subscriber_id = s.id AND r.region_code = ANY(:regions))
                            UNION
                            SELECT s.id, c.channel, c.address, s.language
                            FROM (SELECT DISTINCT subscriber_id, channel FROM delivery
                                  WHERE alert_id = :alertId AND alert_version < :version) earlier
                            JOIN subscriber s ON s.id = earlier.subscriber_id AND s.active
                            JOIN contact_point c ON c.subscriber_id = s.id AND c.channel = earlier.channel
                        ) m
                        ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                        """)
                .param("alertId", alert.alertId())
                .param("version", alert.version())
                .param("priority", alert.severity().ordinal())
                .param("severityRank", alert.severity().ordinal())
                .param("regions", matching.toArray(String[]::new))
                .update();
        metrics.fanOut(java.time.Duration.ofNanos(System.nanoTime() - started), created);
        jdbc.sql(
                        "UPDATE alert_version SET fanned_out_at = ? WHERE alert_id = ? AND version = ? AND fanned_out_at IS NULL")
                .params(Timestamp.from(clock.instant()), alert.alertId(), alert.version())
                .update();
        log.info(
                "Alert {} v{} ({}): {} deliveries created", alert.alertId(), alert.version(), alert.msgType(), created);
        if (created > 0) {
            events.publishEvent(new DeliveriesCreated(alert.alertId(), alert.version(), created));
        }
    }
}
