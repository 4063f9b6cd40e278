package no.overdosevarsel.dispatch.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.overdosevarsel.contracts.subscription.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators watch during an alert: deliveries by channel and outcome, provider latency, time from publication to
 * send (its maximum is the time to the last recipient), fan-out duration and the queue still to send. Meters are looked
 * up once and kept: several are recorded for every message.
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<Channel, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<Channel, Timer> publicationToSend = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            QueueDepth depth = new QueueDepth(jdbc, channel);
            Gauge.builder("overdosevarsel.delivery.queue", depth::get)
                    .description("Deliveries waiting to be sent: not yet tried, or waiting for a retry")
                    .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    void outcome(Channel channel, String outcome) {
        outcomes.computeIfAbsent(
                        channel.name() + "/" + outcome,
                        key -> Counter.builder("overdosevarsel.deliveries")
                                .description("Delivery attempts by channel and outcome")
                                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
    }

    void providerLatency(Channel channel, Duration duration) {
        latencies
                .computeIfAbsent(
                        channel,
                        key -> Timer.builder("overdosevarsel.provider.latency")
                                .description("Time the provider took to accept or refuse one message")
                                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                                .register(registry))
                .record(duration);
    }

    /** From the alert version's publication to the provider's acceptance of one message. */
    void publicationToSend(Channel channel, Instant published) {
        publicationToSend
                .computeIfAbsent(
                        channel,
                        key -> Timer.builder("overdosevarsel.delivery.publication-to-send")
                                .description(
                                        "Time from an alert's publication to a message being accepted by the provider")
                                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                                .register(registry))
                .record(Duration.between(published, clock.instant()));
    }

    void fanOut(Duration duration, int created) {
        Timer.builder("overdosevarsel.fanout.duration")
                .description("Time to create the deliveries of one alert version")
                .register(registry)
                .record(duration);
        Counter.builder("overdosevarsel.fanout.deliveries")
                .description("Deliveries created by fan-out")
                .register(registry)
                .increment(created);
    }

    /**
     * Counted through the open batches and the retry queue, so a scrape costs in proportion to the work still waiting,
     * not to every delivery ever made (a {@code count(*)} over {@code delivery} read the whole table). Kept for a few
     * seconds, so that several scrapers do not each pay for it.
     */
    private static final class QueueDepth {

        private static final long KEEP_NANOS = Duration.ofSeconds(5).toNanos();

        private final JdbcClient jdbc;
        private final Channel channel;
        private long value;
        private long takenAt;
        private boolean taken;

        QueueDepth(JdbcClient jdbc, Channel channel) {
            this.jdbc = jdbc;
            this.channel = channel;
        }

        synchronized double get() {
            long now = System.nanoTime();
            if (!taken || now - takenAt > KEEP_NANOS) {
                value = jdbc.sql("""
                                SELECT (SELECT count(*) FROM delivery_batch b
                                        JOIN delivery d ON d.alert_id = b.alert_id AND d.alert_version = b.alert_version
                                         AND d.channel = b.channel
                                         AND d.subscriber_id >= coalesce(b.subscriber_after, '00000000-0000-0000-0000-000000000000')
                                         AND (d.subscriber_id > b.subscriber_after OR b.subscriber_after IS NULL)
                                         AND d.subscriber_id <= coalesce(b.subscriber_up_to, 'ffffffff-ffff-ffff-ffff-ffffffffffff')
                                        WHERE b.channel = :channel AND d.status = 'PENDING' AND d.attempts = 0)
                                     + (SELECT count(*) FROM delivery_retry WHERE channel = :channel)
                                """)
                        .param("channel", channel.name())
                        .query(Long.class)
                        .single();
                takenAt = now;
                taken = true;
            }
            return value;
        }
    }
}
