package no.overdosevarsel.subscriber.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters per (bucket, key) in this instance's memory. With several instances each allows the limit, so a
 * client gets at most instances × limit; that is enough to stop flooding, and keeps the database out of every request.
 * Keys (addresses, IPs) live only as long as their window.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
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
        long now = clock.millis();
        long period = limit.period().toMillis();
        if (windows.size() >= properties.maxKeys()) {
            windows.values().removeIf(window -> window.endsAt() <= now);
        }
        Window window = windows.compute(bucket + "\n" + key, (k, current) -> {
            if (current == null || current.endsAt() <= now) {
                return new Window(now + period, 1);
            }
            // Counting stops one past the limit: that marks the window as refusing, and cannot overflow.
            return new Window(current.endsAt(), Math.min(current.count() + 1, limit.permits() + 1));
        });
        if (window.count() > limit.permits()) {
            return Optional.of(Duration.ofMillis(window.endsAt() - now));
        }
        return Optional.empty();
    }

    /** As {@link #tryAcquire}, throwing when over the limit. */
    public void acquire(Bucket bucket, String key) {
        tryAcquire(bucket, key).ifPresent(wait -> {
            throw new RateLimitExceeded(bucket, wait);
        });
    }

    /** How many keys are tracked now. */
    int trackedKeys() {
        return windows.size();
    }

    private record Window(long endsAt, int count) {}
}
