package no.overdosevarsel.dispatch.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.alert.AlertVersionStored;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The published alerts as the public sees them, kept in memory so that feeds, CAP documents and pages cost no database
 * query per request. The view is rebuilt at start-up, after each stored alert version commits, and when an alert
 * expires or leaves the feeds; renderings are made on first request and kept until the next rebuild.
 */
@Service
public class PublishedAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishedAlerts.class);

    /** Alerts outside the view (ended long ago) that were asked for recently, and ids found not to exist. */
    private static final int ARCHIVE_SIZE = 256;

    private final AlertHistorySource source;
    private final RegionCatalogue regions;
    private final FeedRenderer feeds;
    private final CapDocumentWriter cap;
    private final FeedProperties properties;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private final Map<String, Validators> lastSeen = new ConcurrentHashMap<>();
    private final Map<UUID, Optional<PublishedAlert>> archive =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Optional<PublishedAlert>> eldest) {
                    return size() > ARCHIVE_SIZE;
                }
            });
    private volatile @Nullable Snapshot snapshot;
    private volatile @Nullable ScheduledExecutorService scheduler;
    private @Nullable ScheduledFuture<?> nextRebuild;

    PublishedAlerts(
            AlertHistorySource source,
            MessageSource messages,
            PublicLinks links,
            FeedProperties properties,
            Clock clock) {
        this.source = source;
        this.regions = RegionCatalogue.norway();
        this.feeds = new FeedRenderer(messages, regions, links);
        this.cap = new CapDocumentWriter(messages, regions, links);
        this.properties = properties;
        this.clock = clock;
    }

    /** An alert by id, whether in the feeds or ended long ago. */
    public Optional<PublishedAlert> find(UUID alertId) {
        return find(snapshot(), alertId);
    }

    /**
     * Something rendered from one alert (its page in a language, a CAP document), kept until the view next changes;
     * empty if there is no such alert. {@code variant} tells renderings of the same alert apart.
     */
    public Optional<Rendering> renderAlert(UUID alertId, String variant, Function<PublishedAlert, Rendering> render) {
        Snapshot current = snapshot();
        return find(current, alertId)
                .map(alert -> cached(current, "alert:" + alertId + ":" + variant, () -> render.apply(alert)));
    }

    Rendering regionFeed(Region region, FeedFormat format) {
        Snapshot current = snapshot();
        return cached(current, format.extension() + ":" + region.code(), () -> {
            List<PublishedAlert> alerts = current.forRegion(region.code(), properties.maxItems());
            return switch (format) {
                case RSS -> feeds.rss(region, alerts, current.asOf());
                case ATOM -> feeds.atom(region, alerts, current.asOf());
                case CAP_INDEX -> feeds.capIndex(region, alerts, current.asOf());
            };
        });
    }

    /** The CAP document of the given version, or of the current one when {@code version} is null. */
    Optional<Rendering> capDocument(UUID alertId, @Nullable Integer version) {
        Snapshot current = snapshot();
        return find(current, alertId).flatMap(alert -> {
            Optional<AlertEvent> wanted = version == null ? Optional.of(alert.current()) : alert.version(version);
            return wanted.map(v -> cached(current, "cap:" + alertId + ":" + v.version(), () -> cap.write(alert, v)));
        });
    }

    private Optional<PublishedAlert> find(Snapshot current, UUID alertId) {
        Optional<PublishedAlert> listed = current.find(alertId);
        if (listed.isPresent()) {
            return listed;
        }
        Optional<PublishedAlert> known = archive.get(alertId);
        if (known == null) {
            List<AlertEvent> history = source.history(alertId);
            known = history.isEmpty() ? Optional.empty() : Optional.of(PublishedAlert.of(history, current.asOf()));
            archive.put(alertId, known);
        }
        return known;
    }

    /**
     * Renders once per view. Last-Modified stays put while the bytes do, and moves forward when they change even if
     * nothing in them carries a newer time (an alert leaving a feed).
     */
    private Rendering cached(Snapshot current, String key, Supplier<Rendering> render) {
        return current.rendering(key, () -> remember(key, render.get(), current.asOf()));
    }

    /** After the version is committed, so the rebuilt view reads it. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AlertVersionStored stored) {
        if (!stored.firstTime()) {
            return; // a redelivered version: nothing changed
        }
        changes.incrementAndGet();
        archive.clear();
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            try {
                executor.execute(this::rebuildAndSchedule);
            } catch (RejectedExecutionException e) {
                // Shutting down; the next request rebuilds the view if anyone still asks.
            }
        }
    }

    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.isCurrent(changes.get(), clock.instant())) {
            return current;
        }
        try {
            return rebuild();
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            log.warn("Feeds could not be rebuilt, serving the previous view: {}", e.toString());
            return current;
        }
    }

    private Snapshot rebuild() {
        rebuilding.lock();
        try {
            Instant now = clock.instant();
            long seen = changes.get();
            Snapshot current = snapshot;
            if (current != null && current.isCurrent(seen, now)) {
                return current;
            }
            Duration retention = properties.endedRetention();
            Snapshot fresh = Snapshot.of(source.notEndedBefore(now.minus(retention)), now, seen, retention, regions);
            snapshot = fresh;
            log.debug("Feeds rebuilt: next change due {}", fresh.validUntil());
            return fresh;
        } finally {
            rebuilding.unlock();
        }
    }

    private void rebuildAndSchedule() {
        try {
            schedule(snapshot().validUntil());
        } catch (RuntimeException e) {
            log.warn("Feeds could not be rebuilt, trying again in a minute: {}", e.toString());
            schedule(clock.instant().plus(Duration.ofMinutes(1)));
        }
    }

    private synchronized void schedule(Instant when) {
        ScheduledExecutorService executor = scheduler;
        if (executor == null) {
            return;
        }
        if (nextRebuild != null) {
            nextRebuild.cancel(false);
        }
        // A little late rather than early: at the expiry instant itself the alert has expired.
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis()) + 50;
        nextRebuild = executor.schedule(this::rebuildAndSchedule, delay, TimeUnit.MILLISECONDS);
    }

    private Rendering remember(String key, Rendering fresh, Instant asOf) {
        Instant now = asOf.truncatedTo(ChronoUnit.SECONDS);
        Rendering result = fresh.lastModified().isAfter(now) ? fresh.withLastModified(now) : fresh;
        Validators previous = lastSeen.get(key);
        if (previous != null) {
            if (previous.etag().equals(result.etag())) {
                result = result.withLastModified(previous.lastModified());
            } else if (!result.lastModified().isAfter(previous.lastModified())) {
                result = result.withLastModified(
                        now.isAfter(previous.lastModified())
                                ? now
                                : previous.lastModified().plusSeconds(1));
            }
        }
        if (lastSeen.size() > 10_000) {
            lastSeen.clear();
        }
        lastSeen.put(key, new Validators(result.etag(), result.lastModified()));
        return result;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("feed-rebuild").daemon().factory());
        scheduler.execute(this::rebuildAndSchedule);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private record Validators(String etag, Instant lastModified) {}
}
