package no.overdosevarsel.dispatch.alert;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Every received alert version, and the current version of each alert for feeds and pages. */
@Service
public class AlertReadModel {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    AlertReadModel(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Stores the version if new (a redelivery changes nothing) and announces it in the same transaction, so feeds
     * refresh as soon as it commits. Then announces the commit, for fan-out, which runs in this thread: a fan-out that
     * fails leaves the record to be consumed again.
     */
    void receive(AlertEvent alert) {
        transactions.executeWithoutResult(status -> store(alert));
        events.publishEvent(new AlertVersionCommitted(alert));
    }

    private void store(AlertEvent alert) {
        int inserted = jdbc.sql("""
                        INSERT INTO alert_version (alert_id, version, msg_type, status, severity, effective, expires, sent, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (alert_id, version) DO NOTHING
                        """)
                .params(
                        alert.alertId(),
                        alert.version(),
                        alert.msgType().name(),
                        alert.status().name(),
                        alert.severity().name(),
                        Timestamp.from(alert.effective()),
                        Timestamp.from(alert.expires()),
                        Timestamp.from(alert.sent()),
                        new String(EventJson.write(alert), StandardCharsets.UTF_8))
                .update();
        if (inserted == 1) {
            int current = jdbc.sql("""
                            INSERT INTO alert_current (alert_id, version) VALUES (?, ?)
                            ON CONFLICT (alert_id) DO UPDATE SET version = excluded.version
                            WHERE alert_current.version < excluded.version
                            """).params(alert.alertId(), alert.version()).update();
            if (current == 1) {
                jdbc.sql("DELETE FROM alert_region WHERE alert_id = ?")
                        .param(alert.alertId())
                        .update();
                for (String region : alert.regions().stream().distinct().toList()) {
                    jdbc.sql("INSERT INTO alert_region (alert_id, region_code) VALUES (?, ?)")
                            .params(alert.alertId(), region)
                            .update();
                }
            }
        }
        events.publishEvent(new AlertVersionStored(alert, inserted == 1));
    }

    @Transactional(readOnly = true)
    public Optional<AlertEvent> version(UUID alertId, int version) {
        return jdbc.sql("SELECT payload FROM alert_version WHERE alert_id = ? AND version = ?")
                .params(alertId, version)
                .query((rs, n) -> EventJson.read(rs.getString(1).getBytes(StandardCharsets.UTF_8), AlertEvent.class))
                .optional();
    }
}
