package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Erases subscribers that were never confirmed once they are older than {@link RetentionProperties#unconfirmed()}: an
 * address somebody typed, or a number that texted VARSEL, without the person ever confirming, is not kept. Runs on
 * every instance; erasure locks each subscriber, so two sweeps cannot erase one twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnconfirmedSubscribers {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedSubscribers.class);

    private final SubscriberData data;
    private final JdbcClient jdbc;
    private final RetentionProperties retention;
    private final Clock clock;

    UnconfirmedSubscribers(SubscriberData data, JdbcClient jdbc, RetentionProperties retention, Clock clock) {
        this.data = data;
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${overdosevarsel.retention.sweep-interval:1h}",
            initialDelayString = "${overdosevarsel.retention.sweep-interval:1h}")
    void sweep() {
        List<SubscriberId> stale = jdbc
                .sql("""
                        SELECT s.id FROM subscriber s
                        WHERE s.created_at < :cutoff
                          AND NOT EXISTS (SELECT 1 FROM contact_point c
                                          WHERE c.subscriber_id = s.id AND c.verified_at IS NOT NULL)
                        ORDER BY s.id LIMIT 1000
                        """)
                .param("cutoff", clock.instant().minus(retention.unconfirmed()).atOffset(java.time.ZoneOffset.UTC))
                .query(UUID.class)
                .list()
                .stream()
                .map(SubscriberId::new)
                .toList();
        if (!stale.isEmpty()) {
            int erased = data.erase(stale);
            log.info("Erased {} subscriber(s) never confirmed within {}", erased, retention.unconfirmed());
        }
    }
}
