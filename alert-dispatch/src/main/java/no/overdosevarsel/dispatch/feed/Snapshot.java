package no.overdosevarsel.dispatch.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.UnknownRegionException;

/**
 * The alerts the public sees at one moment (active, and ended within the retention), with the renderings made from
 * them. Immutable apart from its rendering cache, which is filled on first request and thrown away with the snapshot
 * at the next change.
 */
final class Snapshot {

    /** At least this often the view is rebuilt, even when no alert is due to expire. */
    private static final Duration LONGEST_LIFE = Duration.ofHours(24);

    private final Instant asOf;
    private final long generation;
    private final Instant validUntil;
    private final Map<UUID, PublishedAlert> byId;
    private final List<PublishedAlert> newestFirst;
    private final Map<UUID, Set<String>> reach;
    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

    private Snapshot(
            Instant asOf,
            long generation,
            Instant validUntil,
            Map<UUID, PublishedAlert> byId,
            List<PublishedAlert> newestFirst,
            Map<UUID, Set<String>> reach) {
        this.asOf = asOf;
        this.generation = generation;
        this.validUntil = validUntil;
        this.byId = byId;
        this.newestFirst = newestFirst;
        this.reach = reach;
    }

    static Snapshot of(
            List<List<AlertEvent>> histories,
            Instant now,
            long generation,
            Duration retention,
            RegionCatalogue regions) {
        Instant cutoff = now.minus(retention);
        Map<UUID, PublishedAlert> byId = new LinkedHashMap<>();
        Map<UUID, Set<String>> reach = new LinkedHashMap<>();
        Instant validUntil = now.plus(LONGEST_LIFE);
        for (List<AlertEvent> history : histories) {
            PublishedAlert alert = PublishedAlert.of(history, now);
            Optional<Instant> ended = alert.endedAt();
            if (ended.isPresent() && !ended.get().isAfter(cutoff)) {
                continue;
            }
            byId.put(alert.alertId(), alert);
            reach.put(alert.alertId(), reachOf(alert.current(), regions));
            // The next moment the view changes without a new version: an expiry, or an ended alert leaving it.
            Instant next =
                    ended.map(e -> e.plus(retention)).orElse(alert.current().expires());
            if (next.isBefore(validUntil)) {
                validUntil = next;
            }
        }
        List<PublishedAlert> newestFirst = byId.values().stream()
                .sorted(Comparator.comparing((PublishedAlert a) -> a.current().sent())
                        .reversed()
                        .thenComparing(a -> a.alertId()))
                .toList();
        return new Snapshot(now, generation, validUntil, Map.copyOf(byId), newestFirst, Map.copyOf(reach));
    }

    private static Set<String> reachOf(AlertEvent alert, RegionCatalogue regions) {
        try {
            return regions.overlapping(alert.regions());
        } catch (UnknownRegionException e) {
            // A code this catalogue does not know (a newer one): the alert still reaches the regions it names.
            return Set.copyOf(alert.regions());
        }
    }

    Instant asOf() {
        return asOf;
    }

    long generation() {
        return generation;
    }

    Instant validUntil() {
        return validUntil;
    }

    boolean isCurrent(long latestGeneration, Instant now) {
        return generation == latestGeneration && now.isBefore(validUntil);
    }

    Optional<PublishedAlert> find(UUID alertId) {
        return Optional.ofNullable(byId.get(alertId));
    }

    /** The public ({@code Actual}) alerts that concern the region, newest first: overlap as for subscribers. */
    List<PublishedAlert> forRegion(String regionCode, int limit) {
        return newestFirst.stream()
                .filter(a -> a.current().status() == AlertStatus.Actual)
                .filter(a -> reach.getOrDefault(a.alertId(), Set.of()).contains(regionCode))
                .limit(limit)
                .toList();
    }

    Rendering rendering(String key, Supplier<Rendering> render) {
        return renderings.computeIfAbsent(key, k -> render.get());
    }
}
