package no.overdosevarsel.dispatch.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize deliveries read per page of a batch, and retries claimed per round, per channel
 * @param pollInterval how often workers look for due deliveries when nobody woke them
 * @param maxAttempts after this many failed attempts a delivery is marked failed. With the backoff below the default
 *     of 40 keeps trying for about three hours (2 s doubling to 5 min, then every 2.5–5 min), so a provider outage or
 *     a configuration mistake fixed within that time loses nothing
 * @param initialBackoff first retry delay; doubles per attempt, with jitter
 * @param maxBackoff longest retry delay
 * @param claimTimeout how long a lease on a batch or a retry lasts; renewed while a worker works on it, so one that runs
 *     out is from a crashed worker, and what it had not recorded is sent again
 * @param fanOutChunk subscribers per fan-out chunk: each chunk is one commit, and the workers start after the first
 */
@ConfigurationProperties("overdosevarsel.delivery")
record DeliveryProperties(
        @DefaultValue("200") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("40") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("2000") int fanOutChunk) {}
