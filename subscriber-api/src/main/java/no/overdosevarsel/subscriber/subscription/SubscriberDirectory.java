package no.overdosevarsel.subscriber.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.subscriber.subscription.AdminViews.ContactSummary;
import no.overdosevarsel.subscriber.subscription.AdminViews.RegionChannelCount;
import no.overdosevarsel.subscriber.subscription.AdminViews.SubscriberSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The admin API's reading side: searches and counts over subscribers whose regions are among given codes. The caller
 * works out which codes a coordinator's scope covers; nothing here knows about coordinators.
 */
@Repository
class SubscriberDirectory {

    private final JdbcClient jdbc;
    private final RegionCatalogue catalogue;

    SubscriberDirectory(JdbcClient jdbc, RegionCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /**
     * Subscribers with a region among {@code scope} (and among {@code regionFilter}, if given) matching the other
     * criteria, newest first.
     *
     * @param scope at least one code
     */
    AdminViews.Page search(
            Collection<String> scope,
            @Nullable Collection<String> regionFilter,
            @Nullable Channel channel,
            @Nullable SubscriberStatus status,
            @Nullable String text,
            int page,
            int size) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("""
                WHERE EXISTS (SELECT 1 FROM subscriber_region r
                              WHERE r.subscriber_id = s.id AND r.region_code IN (:scope))
                """);
        params.put("scope", List.copyOf(scope));
        if (regionFilter != null) {
            where.append("""
                      AND EXISTS (SELECT 1 FROM subscriber_region f
                                  WHERE f.subscriber_id = s.id AND f.region_code IN (:regionFilter))
                    """);
            params.put("regionFilter", List.copyOf(regionFilter));
        }
        if (channel != null) {
            where.append(
                    "  AND EXISTS (SELECT 1 FROM contact_point k WHERE k.subscriber_id = s.id AND k.channel = :channel)\n");
            params.put("channel", channel.name());
        }
        if (status != null) {
            where.append("  AND s.status = :status\n");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            where.append("""
                      AND (lower(s.name) LIKE :like ESCAPE '\\' OR lower(s.organisation) LIKE :like ESCAPE '\\'
                           OR EXISTS (SELECT 1 FROM contact_point a WHERE a.subscriber_id = s.id
                                      AND (lower(a.address) LIKE :like ESCAPE '\\' OR a.address = :phone)))
                    """);
            params.put("like", like);
            // "912 34 567" finds +4791234567: numbers are stored in E.164.
            params.put("phone", ContactAddresses.phone(text).orElse(""));
        }
        long total = jdbc.sql("SELECT count(*) FROM subscriber s\n" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.name, s.organisation, s.language, s.minimum_severity, s.status, s.created_at,
                               s.updated_at
                        FROM subscriber s
                        """ + where + "ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
        return new AdminViews.Page(summaries(rows), page, size, total);
    }

    /** One subscriber, if it has a region among {@code scope}. */
    java.util.Optional<SubscriberSummary> find(SubscriberId id, Collection<String> scope) {
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.name, s.organisation, s.language, s.minimum_severity, s.status, s.created_at,
                               s.updated_at
                        FROM subscriber s
                        WHERE s.id = :id AND EXISTS (SELECT 1 FROM subscriber_region r
                                                     WHERE r.subscriber_id = s.id AND r.region_code IN (:scope))
                        """)
                .param("id", id.value())
                .param("scope", List.copyOf(scope))
                .query((rs, n) -> row(rs))
                .list();
        return summaries(rows).stream().findFirst();
    }

    /** Whether the subscriber has a region among {@code scope}. */
    boolean inScope(SubscriberId id, Collection<String> scope) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM subscriber_region
                                       WHERE subscriber_id = :id AND region_code IN (:scope))
                        """)
                .param("id", id.value())
                .param("scope", List.copyOf(scope))
                .query(Boolean.class)
                .single();
    }

    /** Contact points per region among {@code scope} and channel; regions without any are left out. */
    List<RegionChannelCount> counts(Collection<String> scope) {
        return jdbc.sql("""
                        SELECT r.region_code, c.channel,
                               count(*) FILTER (WHERE c.verified_at IS NULL) AS pending,
                               count(*) FILTER (WHERE c.verified_at IS NOT NULL) AS verified,
                               count(*) FILTER (WHERE c.verified_at IS NOT NULL AND c.opted_out_at IS NULL
                                                  AND c.undeliverable_at IS NULL AND s.status = 'ACTIVE') AS active
                        FROM subscriber_region r
                        JOIN subscriber s ON s.id = r.subscriber_id
                        JOIN contact_point c ON c.subscriber_id = s.id
                        WHERE r.region_code IN (:scope)
                        GROUP BY r.region_code, c.channel
                        ORDER BY r.region_code, c.channel
                        """)
                .param("scope", List.copyOf(scope))
                .query((rs, n) -> new RegionChannelCount(
                        rs.getString("region_code"),
                        catalogue
                                .find(rs.getString("region_code"))
                                .map(region -> region.name())
                                .orElse(rs.getString("region_code")),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getLong("pending"),
                        rs.getLong("verified"),
                        rs.getLong("active")))
                .list();
    }

    private List<SubscriberSummary> summaries(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> regions = new HashMap<>();
        jdbc.sql("SELECT subscriber_id, region_code FROM subscriber_region WHERE subscriber_id IN (:ids)"
                        + " ORDER BY region_code")
                .param("ids", ids)
                .query(rs -> {
                    regions.computeIfAbsent(rs.getObject("subscriber_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("region_code"));
                });
        Map<UUID, List<ContactSummary>> contacts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT subscriber_id, channel, address, verified_at, opted_out_at, undeliverable_at, added_by
                        FROM contact_point WHERE subscriber_id IN (:ids) ORDER BY channel, created_at
                        """).param("ids", ids).query(rs -> {
            Channel channel = Channel.valueOf(rs.getString("channel"));
            contacts.computeIfAbsent(rs.getObject("subscriber_id", UUID.class), k -> new ArrayList<>())
                    .add(new ContactSummary(
                            channel,
                            MaskedAddresses.mask(channel, rs.getString("address")),
                            rs.getObject("verified_at") != null,
                            rs.getObject("opted_out_at") != null,
                            rs.getObject("undeliverable_at") != null,
                            rs.getString("added_by")));
        });
        return rows.stream()
                .map(row -> new SubscriberSummary(
                        row.id(),
                        row.name(),
                        row.organisation(),
                        regions.getOrDefault(row.id(), List.of()),
                        row.status(),
                        row.language(),
                        row.minimumSeverity(),
                        contacts.getOrDefault(row.id(), List.of()),
                        row.createdAt(),
                        row.updatedAt()))
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("organisation"),
                rs.getString("language"),
                Severity.valueOf(rs.getString("minimum_severity")),
                SubscriberStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(
            UUID id,
            @Nullable String name,
            @Nullable String organisation,
            String language,
            Severity minimumSeverity,
            SubscriberStatus status,
            Instant createdAt,
            Instant updatedAt) {}
}
