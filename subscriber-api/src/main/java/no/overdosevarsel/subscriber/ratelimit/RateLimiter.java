package no.overdosevarsel.subscriber.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters per (bucket, key). Buckets that protect a person ({@link Bucket.Scope#SHARED}: per address,
 * per number) are counted in the database, one window for every instance, so that running more instances or restarting
 * one does not raise the limit. Buckets per client IP ({@link Bucket.Scope#INSTANCE}) stay in this instance's memory:
 * they protect us, and keep the database out of every public request. See ADR 0023.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final MemoryWindows local;
    private final WindowStore shared;

    RateLimiter(RateLimitProperties properties, Clock clock, WindowStore shared) {
        this.properties = properties;
        this.clock = clock;
        this.local = new MemoryWindows(properties.maxKeys());
        this.shared = shared;
    }

    /**
     * Counts one request for the key.
     *
     * @return how long to wait, if the request is over the limit (and then it is not counted)
     */
    public Optional<Duration> tryAcquire(Bucket bucket, String key) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Limit limit = properties.limit(bucket);
        // Whole milliseconds: what the database keeps exactly, so that Retry-After is the same from either store.
        Instant now = Instant.ofEpochMilli(clock.millis());
        WindowStore store = bucket.scope() == Bucket.Scope.SHARED ? shared : local;
        Window window = store.count(bucket, key, limit, now);
        if (window.count() > limit.permits()) {
            return Optional.of(Duration.between(now, window.endsAt()));
        }
        return Optional.empty();
    }

    /** As {@link #tryAcquire}, throwing when over the limit. */
    public void acquire(Bucket bucket, String key) {
        tryAcquire(bucket, key).ifPresent(wait -> {
            throw new RateLimitExceeded(bucket, wait);
        });
    }

    /** How many keys this instance tracks in memory now. */
    int trackedKeys() {
        return local.trackedKeys();
    }
}
