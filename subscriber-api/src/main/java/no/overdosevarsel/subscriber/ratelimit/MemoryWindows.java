package no.overdosevarsel.subscriber.ratelimit;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Windows in this instance's memory, for the per-client buckets: no database round trip per request. Expired windows
 * are swept once {@code maxKeys} keys are tracked, so that a flood of distinct clients cannot exhaust memory.
 */
final class MemoryWindows implements WindowStore {

    private final int maxKeys;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    MemoryWindows(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Window count(Bucket bucket, String key, Limit limit, Instant now) {
        if (windows.size() >= maxKeys) {
            windows.values().removeIf(window -> !window.endsAt().isAfter(now));
        }
        return windows.compute(bucket + "\n" + key, (k, current) -> {
            if (current == null || !current.endsAt().isAfter(now)) {
                return new Window(now.plus(limit.period()), 1);
            }
            return new Window(current.endsAt(), Math.min(current.count() + 1, limit.permits() + 1));
        });
    }

    int trackedKeys() {
        return windows.size();
    }
}
