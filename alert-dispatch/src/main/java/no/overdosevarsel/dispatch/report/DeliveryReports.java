package no.overdosevarsel.dispatch.report;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.UnknownRegionException;
import no.overdosevarsel.dispatch.report.DeliveryReport.ChannelCounts;
import no.overdosevarsel.dispatch.report.DeliveryReport.Counts;
import no.overdosevarsel.dispatch.report.DeliveryReport.Failure;
import no.overdosevarsel.dispatch.report.DeliveryReport.Failures;
import no.overdosevarsel.dispatch.report.DeliveryReport.ReasonCount;
import no.overdosevarsel.dispatch.report.ReportRefusedException.Reason;
import no.overdosevarsel.platform.security.Coordinator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds delivery reports from dispatch's own tables, read only. Counts are aggregated by the database; failures are
 * streamed (a national alert during a provider outage can have a failure per recipient) and only the first few are
 * kept one by one.
 */
@Service
public class DeliveryReports {

    /** The statuses deliveries move through, in the order a report lists them. */
    static final List<String> STATUSES =
            List.of("PENDING", "SENT", "DELIVERED", "UNDELIVERED", "FAILED", "REJECTED", "OPTED_OUT");

    /** Statuses on the way to a recipient; with {@code SENT} and {@code DELIVERED} all others are failures. */
    private static final Set<String> IN_PROGRESS = Set.of("PENDING");

    public static final int MAX_LISTED_FAILURES = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RegionCatalogue regions = RegionCatalogue.norway();

    DeliveryReports(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The report on every version of an alert, or of one version.
     *
     * @param version one version, or null for all
     * @param listFailures how many failed deliveries to list one by one per version (0 to {@link #MAX_LISTED_FAILURES})
     * @throws ReportRefusedException if the alert (or version) is unknown, or out of the coordinator's scope
     */
    @Transactional(readOnly = true)
    public DeliveryReport report(UUID alertId, @Nullable Integer version, Coordinator coordinator, int listFailures) {
        List<StoredVersion> versions = versions(alertId);
        if (versions.isEmpty()) {
            throw new ReportRefusedException(Reason.NOT_FOUND, "no alert " + alertId);
        }
        Set<String> alertRegions = new LinkedHashSet<>();
        versions.forEach(v -> alertRegions.addAll(v.alert().regions()));
        if (!overlaps(coordinator, alertRegions)) {
            throw new ReportRefusedException(Reason.OUT_OF_SCOPE, "alert " + alertId + " is out of scope");
        }
        if (version != null) {
            versions = versions.stream().filter(v -> v.version() == version).toList();
            if (versions.isEmpty()) {
                throw new ReportRefusedException(Reason.NOT_FOUND, "no version " + version + " of alert " + alertId);
            }
        }
        Map<Integer, List<StatusRow>> counts = counts(alertId, version);
        Map<Integer, FailureCollector> failures =
                failures(alertId, version, Math.clamp(listFailures, 0, MAX_LISTED_FAILURES));
        List<DeliveryReport.Version> reported = new ArrayList<>();
        for (StoredVersion stored : versions) {
            List<StatusRow> rows = counts.getOrDefault(stored.version(), List.of());
            Counts all = counts(rows);
            Map<String, List<StatusRow>> byChannel = new TreeMap<>();
            rows.forEach(row -> byChannel
                    .computeIfAbsent(row.channel(), c -> new ArrayList<>())
                    .add(row));
            List<ChannelCounts> channels = byChannel.entrySet().stream()
                    .map(entry -> new ChannelCounts(entry.getKey(), counts(entry.getValue())))
                    .toList();
            AlertEvent alert = stored.alert();
            reported.add(new DeliveryReport.Version(
                    stored.version(),
                    alert.msgType().name(),
                    alert.status().name(),
                    alert.severity().name(),
                    alert.info(null).headline(),
                    alert.regions(),
                    alert.sent(),
                    stored.fanOutCompleted(),
                    all,
                    since(alert.sent(), all.firstSent()),
                    since(alert.sent(), all.lastSent()),
                    channels,
                    failures.getOrDefault(stored.version(), new FailureCollector(0))
                            .result()));
        }
        return new DeliveryReport(alertId, reported);
    }

    /** Overlap, as fan-out reckons it: the alert reaches subscribers of some region in the coordinator's scope. */
    private boolean overlaps(Coordinator coordinator, Collection<String> alertRegions) {
        for (String own : coordinator.scope()) {
            for (String alertRegion : alertRegions) {
                try {
                    if (regions.overlaps(own, alertRegion)) {
                        return true;
                    }
                } catch (UnknownRegionException e) {
                    // an unknown code never grants access
                }
            }
        }
        return false;
    }

    private List<StoredVersion> versions(UUID alertId) {
        return jdbc.sql("SELECT version, payload, fanned_out_at FROM alert_version WHERE alert_id = ? ORDER BY version")
                .param(alertId)
                .query((rs, n) -> new StoredVersion(
                        rs.getInt("version"),
                        EventJson.read(rs.getString("payload").getBytes(StandardCharsets.UTF_8), AlertEvent.class),
                        instant(rs.getTimestamp("fanned_out_at"))))
                .list();
    }

    private Map<Integer, List<StatusRow>> counts(UUID alertId, @Nullable Integer version) {
        Map<Integer, List<StatusRow>> byVersion = new TreeMap<>();
        jdbc.sql("""
                        SELECT alert_version, channel, status, count(*) AS deliveries,
                               count(*) FILTER (WHERE failure_reason IS NOT NULL) AS with_reason,
                               min(sent_at) AS first_sent, max(sent_at) AS last_sent
                        FROM delivery
                        WHERE alert_id = :alertId AND (CAST(:version AS int) IS NULL OR alert_version = :version)
                        GROUP BY alert_version, channel, status
                        """)
                .param("alertId", alertId)
                .param("version", version, java.sql.Types.INTEGER)
                .query((rs, n) -> new StatusRow(
                        rs.getInt("alert_version"),
                        rs.getString("channel"),
                        rs.getString("status"),
                        rs.getLong("deliveries"),
                        rs.getLong("with_reason"),
                        instant(rs.getTimestamp("first_sent")),
                        instant(rs.getTimestamp("last_sent"))))
                .list()
                .forEach(row -> byVersion
                        .computeIfAbsent(row.version(), v -> new ArrayList<>())
                        .add(row));
        return byVersion;
    }

    private Map<Integer, FailureCollector> failures(UUID alertId, @Nullable Integer version, int listed) {
        Map<Integer, FailureCollector> byVersion = new TreeMap<>();
        template.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement("""
                            SELECT id, alert_version, channel, status, address, attempts, failure_reason
                            FROM delivery
                            WHERE alert_id = ? AND (CAST(? AS int) IS NULL OR alert_version = ?)
                              AND status NOT IN ('PENDING', 'SENT', 'DELIVERED')
                            ORDER BY alert_version, id
                            """);
                    statement.setObject(1, alertId);
                    statement.setObject(2, version, java.sql.Types.INTEGER);
                    statement.setObject(3, version, java.sql.Types.INTEGER);
                    // In a read-only transaction the driver then fetches with a cursor, not all rows at once.
                    statement.setFetchSize(500);
                    return statement;
                },
                rs -> {
                    byVersion
                            .computeIfAbsent(rs.getInt("alert_version"), v -> new FailureCollector(listed))
                            .add(
                                    rs.getLong("id"),
                                    rs.getString("channel"),
                                    rs.getString("status"),
                                    rs.getString("address"),
                                    rs.getInt("attempts"),
                                    rs.getString("failure_reason"));
                });
        return byVersion;
    }

    private static Counts counts(List<StatusRow> rows) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(key(status), 0L));
        long total = 0;
        long retrying = 0;
        Instant first = null;
        Instant last = null;
        for (StatusRow row : rows) {
            byStatus.merge(key(row.status()), row.deliveries(), Long::sum);
            total += row.deliveries();
            if (IN_PROGRESS.contains(row.status())) {
                retrying += row.withReason();
            }
            first = earliest(first, row.firstSent());
            last = latest(last, row.lastSent());
        }
        return new Counts(total, byStatus, retrying, first, last);
    }

    private static String key(String status) {
        return status.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String since(Instant published, @Nullable Instant sent) {
        return sent == null ? null : Duration.between(published, sent).toString();
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record StoredVersion(
            int version, AlertEvent alert, @Nullable Instant fanOutCompleted) {}

    private record StatusRow(
            int version,
            String channel,
            String status,
            long deliveries,
            long withReason,
            @Nullable Instant firstSent,
            @Nullable Instant lastSent) {}

    private record ReasonKey(
            String channel,
            String status,
            @Nullable String provider,
            @Nullable String code) {}

    /** Counts failures by reason and keeps the first {@code limit} of them, masked. */
    private static final class FailureCollector {

        private final int limit;
        private final Map<ReasonKey, Long> byReason = new LinkedHashMap<>();
        private final List<Failure> listed = new ArrayList<>();
        private long total;

        FailureCollector(int limit) {
            this.limit = limit;
        }

        void add(long id, String channel, String status, String address, int attempts, @Nullable String reason) {
            FailureReason parsed = FailureReason.parse(reason);
            String statusKey = key(status);
            byReason.merge(new ReasonKey(channel, statusKey, parsed.provider(), parsed.code()), 1L, Long::sum);
            total++;
            if (listed.size() < limit) {
                listed.add(new Failure(
                        id,
                        channel,
                        statusKey,
                        PersonalData.maskAddress(channel, address),
                        attempts,
                        parsed.provider(),
                        parsed.code(),
                        parsed.message()));
            }
        }

        Failures result() {
            List<ReasonCount> reasons = byReason.entrySet().stream()
                    .map(e -> new ReasonCount(
                            e.getKey().channel(),
                            e.getKey().status(),
                            e.getKey().provider(),
                            e.getKey().code(),
                            e.getValue()))
                    .sorted(Comparator.comparingLong(ReasonCount::count).reversed())
                    .toList();
            return new Failures(total, reasons, List.copyOf(listed), total > listed.size());
        }
    }
}
