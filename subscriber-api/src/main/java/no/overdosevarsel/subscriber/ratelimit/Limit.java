package no.overdosevarsel.subscriber.ratelimit;

import java.time.Duration;

/** At most {@code permits} requests per key in each {@code period}. */
public record Limit(int permits, Duration period) {

    public Limit {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per positive period");
        }
    }
}
