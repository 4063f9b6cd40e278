package no.overdosevarsel.subscriber.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled off only for load tests; never in production
 * @param limits overrides of {@link Bucket#defaultLimit()}
 * @param maxKeys keys tracked in memory (the per-client buckets) before expired windows are swept, bounding memory under
 *     a flood of distinct clients; shared windows are swept from the database every
 *     {@code overdosevarsel.rate-limit.sweep-interval} (10 minutes)
 */
@ConfigurationProperties("overdosevarsel.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Map<Bucket, Limit> limits,
        @DefaultValue("100000") int maxKeys) {

    RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    Limit limit(Bucket bucket) {
        return limits.getOrDefault(bucket, bucket.defaultLimit());
    }
}
