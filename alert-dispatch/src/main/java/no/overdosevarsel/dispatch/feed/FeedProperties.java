package no.overdosevarsel.dispatch.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param endedRetention how long a cancelled or expired alert stays in the feeds, marked as such, after it ended
 * @param maxItems most alerts in one feed, newest first
 * @param maxAge how long clients and proxies may reuse a response without asking again
 */
@ConfigurationProperties("overdosevarsel.feeds")
record FeedProperties(
        @DefaultValue("7d") Duration endedRetention,
        @DefaultValue("200") int maxItems,
        @DefaultValue("60s") Duration maxAge) {}
