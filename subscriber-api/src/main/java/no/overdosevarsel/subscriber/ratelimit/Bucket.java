package no.overdosevarsel.subscriber.ratelimit;

import java.time.Duration;

/**
 * What is counted, and the default limit of each: {@code overdosevarsel.rate-limit.limits.<bucket>.permits} and
 * {@code .period} override them (e.g. {@code overdosevarsel.rate-limit.limits.subscribe-per-client.permits=20}).
 */
public enum Bucket {
    /** {@code POST /api/subscribers}, per client IP. */
    SUBSCRIBE_PER_CLIENT(10, Duration.ofMinutes(10)),
    /** Subscriptions naming one address: each sends it a code, so this is what keeps a number from being flooded. */
    SUBSCRIBE_PER_ADDRESS(3, Duration.ofHours(1)),
    /** {@code POST /api/subscribers/{id}/verify}, per client IP; each code has its own attempt limit besides. */
    VERIFY_PER_CLIENT(30, Duration.ofMinutes(10)),
    /** {@code POST /api/subscribers/manage-link}, per client IP. */
    MANAGE_LINK_PER_CLIENT(10, Duration.ofMinutes(10)),
    /** Manage links asked for one address. */
    MANAGE_LINK_PER_ADDRESS(3, Duration.ofHours(1)),
    /** Pages and API calls authorised by a signed link (unsubscribe, export, erase), per client IP. */
    LINK_PER_CLIENT(60, Duration.ofMinutes(10)),
    /** SMS replies to one number's keywords; the keywords themselves (STOP above all) always take effect. */
    SMS_REPLY_PER_NUMBER(10, Duration.ofHours(1));

    private final Limit defaultLimit;

    Bucket(int permits, Duration period) {
        this.defaultLimit = new Limit(permits, period);
    }

    public Limit defaultLimit() {
        return defaultLimit;
    }
}
