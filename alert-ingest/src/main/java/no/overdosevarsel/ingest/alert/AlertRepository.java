package no.overdosevarsel.ingest.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts and their versions in the {@code alerts} and {@code alert_versions} tables. */
@Repository
class AlertRepository {

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Alert alert) {
        jdbc.sql("INSERT INTO alerts (id, created_at, created_by) VALUES (?, ?, ?)")
                .params(alert.id().value(), utc(alert.createdAt()), alert.createdBy())
                .update();
        alert.versions().forEach(this::insertVersion);
    }

    Optional<Alert> findById(AlertId id) {
        return jdbc.sql("SELECT created_at, created_by FROM alerts WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> new AlertRow(
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
                .optional()
                .map(row -> new Alert(id, row.createdAt(), row.createdBy(), versionsOf(id)));
    }

    private List<AlertEvent> versionsOf(AlertId id) {
        return jdbc.sql("SELECT event_json FROM alert_versions WHERE alert_id = ? ORDER BY version")
                .param(id.value())
                .query((rs, n) ->
                        EventJson.read(rs.getString("event_json").getBytes(StandardCharsets.UTF_8), AlertEvent.class))
                .list();
    }

    private void insertVersion(AlertEvent version) {
        // The same mapping the outbox uses, so the stored text is byte for byte the published record.
        String json = new String(EventJson.write(version), StandardCharsets.UTF_8);
        jdbc.sql("""
                INSERT INTO alert_versions (alert_id, version, msg_type, event_json, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(
                        version.alertId(),
                        version.version(),
                        version.msgType().name(),
                        json,
                        utc(version.sent()),
                        version.sender())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record AlertRow(Instant createdAt, String createdBy) {}
}
