package no.overdosevarsel.subscriber.ratelimit;

import java.time.Duration;

/**
 * What is counted, and the default limit of each: {@code overdosevarsel.rate-limit.limits.<bucket>.permits} and
 * {@code .period} override them (e.g. {@code overdosevarsel.rate-limit.limits.subscribe-per-client.permits=20}).
 * Buckets keyed by a contact point protect a person and are shared by every instance (in the database); buckets keyed
 * by a client IP protect us and are counted in each instance's memory (ADR 0023).
 */
public enum Bucket {
    /** {@code POST /api/subscribers}, per client IP. */
    SUBSCRIBE_PER_CLIENT(10, Duration.ofMinutes(10), Scope.INSTANCE),
    /** Subscriptions naming one address: each sends it a code, so this is what keeps a number from being flooded. */
    SUBSCRIBE_PER_ADDRESS(3, Duration.ofHours(1), Scope.SHARED),
    /** {@code POST /api/subscribers/{id}/verify}, per client IP; each code has its own attempt limit besides. */
    VERIFY_PER_CLIENT(30, Duration.ofMinutes(10), Scope.INSTANCE),
    /** {@code POST /api/subscribers/manage-link}, per client IP. */
    MANAGE_LINK_PER_CLIENT(10, Duration.ofMinutes(10), Scope.INSTANCE),
    /** Manage links asked for one address. */
    MANAGE_LINK_PER_ADDRESS(3, Duration.ofHours(1), Scope.SHARED),
    /** Pages and API calls authorised by a signed link (unsubscribe, export, erase), per client IP. */
    LINK_PER_CLIENT(60, Duration.ofMinutes(10), Scope.INSTANCE),
    /** SMS replies to one number's keywords; the keywords themselves (STOP above all) always take effect. */
    SMS_REPLY_PER_NUMBER(10, Duration.ofHours(1), Scope.SHARED);

    private final Limit defaultLimit;
    private final Scope scope;

    Bucket(int permits, Duration period, Scope scope) {
        this.defaultLimit = new Limit(permits, period);
        this.scope = scope;
    }

    public Limit defaultLimit() {
        return defaultLimit;
    }

    /** Whether one window is shared by every instance (and survives a restart), or each instance counts its own. */
    public Scope scope() {
        return scope;
    }

    /** Where a bucket's windows are counted. */
    public enum Scope {
        /** In this instance's memory: with N instances a client gets up to N × the limit, and a restart resets it. */
        INSTANCE,
        /** In the database, one window for all instances, kept over restarts; the key is stored only as a keyed hash. */
        SHARED
    }
}
