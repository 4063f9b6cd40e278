package no.overdosevarsel.bench;

import java.util.concurrent.atomic.AtomicLong;

/** How many messages a stub has accepted, and when it accepted the first and the latest (System.nanoTime). */
final class Acceptances {

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();

    void accepted() {
        long now = System.nanoTime();
        first.compareAndSet(0, now);
        last.accumulateAndGet(now, Math::max);
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }

    long firstNanos() {
        return first.get();
    }

    long lastNanos() {
        return last.get();
    }

    void reset() {
        count.set(0);
        first.set(0);
        last.set(0);
    }
}
