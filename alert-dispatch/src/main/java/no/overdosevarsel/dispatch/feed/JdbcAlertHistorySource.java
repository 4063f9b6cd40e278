package no.overdosevarsel.dispatch.feed;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Read-only queries on the alert read model's tables ({@code alert_version}, {@code alert_current}). */
@Repository
class JdbcAlertHistorySource implements AlertHistorySource {

    private final JdbcClient jdbc;

    JdbcAlertHistorySource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<List<AlertEvent>> notEndedBefore(Instant endedAfter) {
        Map<UUID, List<AlertEvent>> byAlert = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT v.alert_id, v.payload FROM alert_current c
                        JOIN alert_version cv ON cv.alert_id = c.alert_id AND cv.version = c.version
                        JOIN alert_version v ON v.alert_id = c.alert_id AND v.version <= c.version
                        WHERE CASE WHEN cv.msg_type = 'Cancel' THEN cv.sent ELSE cv.expires END > ?
                        ORDER BY v.alert_id, v.version
                        """).param(Timestamp.from(endedAfter)).query(rs -> {
            byAlert.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(read(rs.getString(2)));
        });
        return List.copyOf(byAlert.values());
    }

    @Override
    @Transactional(readOnly = true)
    public List<AlertEvent> history(UUID alertId) {
        return jdbc.sql("SELECT payload FROM alert_version WHERE alert_id = ? ORDER BY version")
                .param(alertId)
                .query((rs, n) -> read(rs.getString(1)))
                .list();
    }

    private static AlertEvent read(String payload) {
        return EventJson.read(payload.getBytes(StandardCharsets.UTF_8), AlertEvent.class);
    }
}
