package no.overdosevarsel.ingest.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code concern_reports} table. */
@Repository
class ConcernReportRepository {

    private static final String COLUMNS =
            "id, received_at, observed, region, seen_at, contact, status, alert_id, triaged_by, triaged_at, note";

    private final JdbcClient jdbc;

    ConcernReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            Instant receivedAt,
            String observed,
            String region,
            @Nullable Instant seenAt,
            @Nullable String contact) {
        jdbc.sql("""
                INSERT INTO concern_reports (id, received_at, observed, region, seen_at, contact)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(id, utc(receivedAt), observed, region, seenAt == null ? null : utc(seenAt), contact)
                .update();
    }

    Optional<ConcernReport> find(UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM concern_reports WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query(ConcernReportRepository::report)
                .optional();
    }

    List<ConcernReport> inRegions(Set<String> regions, @Nullable ReportStatus status, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(regions.toArray(String[]::new));
        String byStatus = "";
        if (status != null) {
            byStatus = " AND status = ?";
            params.add(status.name());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM concern_reports WHERE region = ANY(?::text[])" + byStatus
                        + " ORDER BY received_at DESC, id LIMIT ?")
                .params(params)
                .query(ConcernReportRepository::report)
                .list();
    }

    void triage(
            UUID id,
            ReportStatus status,
            @Nullable UUID alertId,
            String coordinator,
            Instant now,
            @Nullable String note) {
        jdbc.sql("""
                UPDATE concern_reports SET status = ?, alert_id = ?, triaged_by = ?, triaged_at = ?, note = ?
                WHERE id = ?
                """)
                .params(status.name(), alertId, coordinator, utc(now), note, id)
                .update();
    }

    private static ConcernReport report(ResultSet rs, int n) throws SQLException {
        OffsetDateTime seenAt = rs.getObject("seen_at", OffsetDateTime.class);
        OffsetDateTime triagedAt = rs.getObject("triaged_at", OffsetDateTime.class);
        return new ConcernReport(
                rs.getObject("id", UUID.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("observed"),
                rs.getString("region"),
                seenAt == null ? null : seenAt.toInstant(),
                rs.getString("contact"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getObject("alert_id", UUID.class),
                rs.getString("triaged_by"),
                triagedAt == null ? null : triagedAt.toInstant(),
                rs.getString("note"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
