package no.overdosevarsel.ingest.alert;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.ingest.alert.AlertRefusedException.Reason;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Alerts, their versions and their audit log in the {@code alerts}, {@code alert_versions} and {@code alert_audit} tables. */
@Repository
class AlertRepository {

    private static final String COLUMNS = """
            id, created_at, created_by, publication, review, revision, draft_json, draft_authors, submitted_by,
            rejected_by, rejection_reason""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Alert alert, Instant now) {
        jdbc.sql("INSERT INTO alerts (id, created_at, created_by) VALUES (?, ?, ?)")
                .params(alert.id().value(), utc(alert.createdAt()), alert.createdBy())
                .update();
        write(alert, 0);
        alert.changes().forEach(change -> audit(alert, change, now));
    }

    /**
     * Writes the alert's state, its new versions and its audit entries, if nobody changed it since it was loaded.
     *
     * @throws AlertRefusedException (STALE) if its revision moved on meanwhile
     */
    void update(Alert alert, Instant now) {
        write(alert, alert.revision());
        alert.changes().forEach(change -> audit(alert, change, now));
    }

    private void write(Alert alert, int expectedRevision) {
        alert.newVersions().forEach(this::insertVersion);
        Optional<AlertEvent> current = alert.current();
        NewAlert draft = alert.draft();
        List<String> regions =
                current.map(AlertEvent::regions).orElseGet(() -> draft == null ? List.of() : draft.regions());
        int updated = jdbc.sql("""
                UPDATE alerts SET publication = ?, review = ?, revision = ?, draft_json = ?, draft_authors = ?,
                                  submitted_by = ?, rejected_by = ?, rejection_reason = ?, regions = ?,
                                  effective = ?, expires = ?
                WHERE id = ? AND revision = ?
                """)
                .params(
                        alert.publication().name(),
                        alert.review().name(),
                        expectedRevision == 0 ? alert.revision() : expectedRevision + 1,
                        draft == null ? null : new String(EventJson.write(draft), StandardCharsets.UTF_8),
                        alert.draftAuthors().stream().sorted().toArray(String[]::new),
                        alert.submittedBy(),
                        alert.rejectedBy(),
                        alert.rejectionReason(),
                        regions.toArray(String[]::new),
                        current.map(v -> utc(v.effective())).orElse(null),
                        current.map(v -> utc(v.expires())).orElse(null),
                        alert.id().value(),
                        expectedRevision == 0 ? 1 : expectedRevision)
                .update();
        if (updated != 1) {
            throw new AlertRefusedException(Reason.STALE, "problem.alert.stale", expectedRevision);
        }
    }

    /** The alert, locked until the transaction ends so that concurrent changes queue instead of racing. */
    Optional<Alert> lockById(AlertId id) {
        return find("SELECT " + COLUMNS + " FROM alerts WHERE id = ? FOR UPDATE", id.value());
    }

    Optional<Alert> findById(AlertId id) {
        return find("SELECT " + COLUMNS + " FROM alerts WHERE id = ?", id.value());
    }

    /** Published alerts whose time is up, skipping any another instance is working on. */
    List<AlertId> dueToExpire(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM alerts WHERE publication = 'PUBLISHED' AND expires <= ?
                ORDER BY expires LIMIT ? FOR UPDATE SKIP LOCKED
                """)
                .params(utc(now), limit)
                .query((rs, n) -> new AlertId(rs.getObject("id", UUID.class)))
                .list();
    }

    /**
     * Alerts matching every given filter, newest first.
     *
     * @param state a {@link Publication} or {@link Review} name
     * @param overlapping region codes of which the alert must have at least one
     * @param activeAt a moment the alert must be published and in force at
     */
    List<Alert> search(
            @Nullable String state, @Nullable Collection<String> overlapping, @Nullable Instant activeAt, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE true");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            sql.append(" AND (publication = ? OR review = ?)");
            params.add(state);
            params.add(state);
        }
        if (overlapping != null) {
            sql.append(" AND regions && ?::text[]");
            params.add(overlapping.toArray(String[]::new));
        }
        if (activeAt != null) {
            sql.append(" AND publication = 'PUBLISHED' AND effective <= ? AND expires > ?");
            params.add(utc(activeAt));
            params.add(utc(activeAt));
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ?");
        params.add(limit);
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query(AlertRepository::row)
                .list();
        return rows.stream().map(this::toAlert).toList();
    }

    List<AuditEntry> auditOf(AlertId id) {
        return jdbc.sql("""
                SELECT id, at, actor, action, publication, review, revision, details FROM alert_audit
                WHERE alert_id = ? ORDER BY id
                """)
                .param(id.value())
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        Publication.valueOf(rs.getString("publication")),
                        Review.valueOf(rs.getString("review")),
                        rs.getInt("revision"),
                        EventJson.mapper()
                                .readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() {})))
                .list();
    }

    private void audit(Alert alert, Alert.Change change, Instant now) {
        jdbc.sql("""
                INSERT INTO alert_audit (alert_id, at, actor, action, publication, review, revision, details)
                VALUES (?, ?, ?, ?, ?, ?, (SELECT revision FROM alerts WHERE id = ?), ?)
                """)
                .params(
                        alert.id().value(),
                        utc(now),
                        change.actor(),
                        change.action(),
                        alert.publication().name(),
                        alert.review().name(),
                        alert.id().value(),
                        new String(EventJson.write(change.details()), StandardCharsets.UTF_8))
                .update();
    }

    private Optional<Alert> find(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(AlertRepository::row).optional().map(this::toAlert);
    }

    private Alert toAlert(Row row) {
        return new Alert(
                row.id(),
                row.createdAt(),
                row.createdBy(),
                versionsOf(row.id()),
                row.publication(),
                row.review(),
                row.revision(),
                row.draftJson() == null
                        ? null
                        : EventJson.read(row.draftJson().getBytes(StandardCharsets.UTF_8), NewAlert.class),
                row.draftAuthors(),
                row.submittedBy(),
                row.rejectedBy(),
                row.rejectionReason());
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

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new AlertId(rs.getObject("id", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                Publication.valueOf(rs.getString("publication")),
                Review.valueOf(rs.getString("review")),
                rs.getInt("revision"),
                rs.getString("draft_json"),
                Set.of((String[]) rs.getArray("draft_authors").getArray()),
                rs.getString("submitted_by"),
                rs.getString("rejected_by"),
                rs.getString("rejection_reason"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Row(
            AlertId id,
            Instant createdAt,
            String createdBy,
            Publication publication,
            Review review,
            int revision,
            @Nullable String draftJson,
            Set<String> draftAuthors,
            @Nullable String submittedBy,
            @Nullable String rejectedBy,
            @Nullable String rejectionReason) {}
}
