package no.overdosevarsel.subscriber.ratelimit;

import java.time.Duration;

/** A request over its limit: answered with 429 and {@code Retry-After}. */
public class RateLimitExceeded extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceeded(Bucket bucket, Duration retryAfter) {
        super("rate limit " + bucket + " exceeded, retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
