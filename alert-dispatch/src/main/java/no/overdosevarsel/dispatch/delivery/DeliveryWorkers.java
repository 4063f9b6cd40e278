package no.overdosevarsel.dispatch.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.dispatch.alert.AlertReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, one worker per channel. A worker claims a batch (marks it SENDING with {@code SKIP LOCKED}, so
 * several dispatch instances share the queue), sends with bounded concurrency and records each outcome (accepted sends
 * in batches, one commit for many). Higher severity is claimed first. A claim left behind by a crashed instance is
 * retried after the claim timeout.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final JdbcClient jdbc;
    private final List<AlertChannel> channels;
    private final AlertReadModel alerts;
    private final DeliveryOutcomes outcomes;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Map<AlertKey, AlertEvent> alertCache = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorkers(
            JdbcClient jdbc,
            List<AlertChannel> channels,
            AlertReadModel alerts,
            DeliveryOutcomes outcomes,
            DeliveryMetrics metrics,
            DeliveryProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.alerts = alerts;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** Published by fan-out after each chunk's commit. */
    @EventListener
    void on(DeliveriesCreated created) {
        wake();
    }

    void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        for (AlertChannel channel : channels) {
            Thread loop = Thread.ofPlatform()
                    .name("delivery-" + channel.channel().name().toLowerCase(java.util.Locale.ROOT))
                    .daemon()
                    .start(() -> run(channel));
            loops.add(loop);
        }
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread loop : loops) {
            try {
                loop.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loops.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the Kafka listeners and the data source go away.
        return Integer.MAX_VALUE - 100;
    }

    private void run(AlertChannel channel) {
        Semaphore permits = new Semaphore(channel.concurrency());
        SentRecorder recorder = new SentRecorder(channel);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Instant lastRecovery = Instant.EPOCH;
            while (running) {
                try {
                    if (Duration.between(lastRecovery, clock.instant()).compareTo(recoveryInterval()) > 0) {
                        recoverAbandonedClaims(channel);
                        lastRecovery = clock.instant();
                    }
                    List<Claimed> batch = claim(channel);
                    if (batch.isEmpty()) {
                        synchronized (wakeUp) {
                            wakeUp.wait(properties.pollInterval().toMillis());
                        }
                        continue;
                    }
                    for (Claimed claimed : batch) {
                        permits.acquire();
                        senders.submit(() -> {
                            try {
                                send(channel, claimed, recorder);
                            } finally {
                                permits.release();
                            }
                        });
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("Delivery worker for {} failed, retrying: {}", channel.channel(), e.toString());
                    pause();
                }
            }
            permits.acquireUninterruptibly(channel.concurrency());
        } finally {
            // Every send has finished: what was accepted is recorded before the data source goes away.
            recorder.finish();
        }
    }

    /**
     * A claim counts as abandoned only after the claim timeout, and looking for them scans the channel's claimed
     * deliveries (no index has them: that would cost every claim and every outcome an index write). A tenth of the
     * timeout is often enough.
     */
    private Duration recoveryInterval() {
        Duration tenth = properties.claimTimeout().dividedBy(10);
        return tenth.compareTo(properties.pollInterval()) > 0 ? tenth : properties.pollInterval();
    }

    private void pause() {
        synchronized (wakeUp) {
            try {
                wakeUp.wait(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<Claimed> claim(AlertChannel channel) {
        return jdbc.sql("""
                        UPDATE delivery d SET status = 'SENDING', attempts = d.attempts + 1, claimed_at = now()
                        WHERE d.id IN (
                            SELECT id FROM delivery
                            WHERE channel = :channel AND claimed_at IS NULL AND status = 'PENDING'
                              AND next_attempt_at <= now()
                            ORDER BY priority DESC, id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.alert_id, d.alert_version, d.subscriber_id, d.address, d.language, d.attempts,
                            (SELECT s.unsubscribe_token FROM subscriber s WHERE s.id = d.subscriber_id) AS token
                        """)
                .param("channel", channel.channel().name())
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Claimed(
                        new Recipient(
                                rs.getLong("id"),
                                rs.getObject("subscriber_id", UUID.class),
                                rs.getString("address"),
                                rs.getString("language"),
                                rs.getString("token") == null ? "" : rs.getString("token")),
                        rs.getObject("alert_id", UUID.class),
                        rs.getInt("alert_version"),
                        rs.getInt("attempts")))
                .list();
    }

    private void recoverAbandonedClaims(AlertChannel channel) {
        int recovered = jdbc.sql("""
                        UPDATE delivery SET status = 'PENDING', claimed_at = NULL
                        WHERE channel = ? AND status = 'SENDING' AND claimed_at < ?
                        """)
                .params(channel.channel().name(), Timestamp.from(clock.instant().minus(properties.claimTimeout())))
                .update();
        if (recovered > 0) {
            log.warn("Retrying {} {} deliveries abandoned by a stopped worker", recovered, channel.channel());
        }
    }

    private void send(AlertChannel channel, Claimed claimed, SentRecorder recorder) {
        SendResult result;
        try {
            AlertEvent alert = alertCache.computeIfAbsent(
                    new AlertKey(claimed.alertId(), claimed.version()),
                    key -> alerts.version(claimed.alertId(), claimed.version()).orElseThrow());
            if (alertCache.size() > 1_000) {
                alertCache.clear();
            }
            long started = System.nanoTime();
            result = channel.sendAlert(alert, claimed.recipient());
            metrics.providerLatency(channel.channel(), Duration.ofNanos(System.nanoTime() - started));
            if (result instanceof SendResult.Accepted) {
                metrics.publicationToSend(channel.channel(), alert.sent());
            }
        } catch (RuntimeException e) {
            log.warn("Sending delivery {} failed: {}", claimed.recipient().deliveryId(), e.toString());
            result = new SendResult.RetryLater(e.getClass().getSimpleName(), null);
        }
        record(channel, claimed, result, recorder);
    }

    private void record(AlertChannel channel, Claimed claimed, SendResult result, SentRecorder recorder) {
        Recipient recipient = claimed.recipient();
        long id = recipient.deliveryId();
        metrics.outcome(
                channel.channel(),
                switch (result) {
                    case SendResult.Accepted accepted -> "sent";
                    case SendResult.Rejected rejected -> rejected.optedOut() ? "opted_out" : "rejected";
                    case SendResult.RetryLater retry ->
                        claimed.attempts() >= properties.maxAttempts() ? "failed" : "retry";
                });
        switch (result) {
            case SendResult.Accepted accepted -> recorder.accept(new DeliveryOutcomes.Sent(id, accepted.providerId()));
            case SendResult.Rejected rejected ->
                outcomes.rejected(
                        id,
                        channel.channel(),
                        recipient.address(),
                        recipient.subscriberId(),
                        rejected.reason(),
                        rejected.optedOut());
            case SendResult.RetryLater retry -> {
                if (claimed.attempts() >= properties.maxAttempts()) {
                    outcomes.failed(id, retry.reason());
                } else {
                    Duration delay = retry.after() != null ? retry.after() : backoff(claimed.attempts());
                    outcomes.retryAt(id, retry.reason(), clock.instant().plus(delay));
                }
            }
        }
    }

    /**
     * Exponential with "equal jitter" (between half and all of the capped delay), so a provider recovering from an
     * outage is not hit by everyone at once, and no retry comes sooner than half the intended wait.
     */
    Duration backoff(int attempts) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private record Claimed(Recipient recipient, UUID alertId, int version, int attempts) {}

    private record AlertKey(UUID alertId, int version) {}

    /**
     * Records accepted sends for one channel in batches: senders hand them over and move on, and one thread writes
     * whatever has gathered in a single statement and commit. When sends are rare each is written at once; at provider
     * speed the batches grow by themselves. The queue is bounded, so a slow database slows the senders rather than
     * letting sent-but-unrecorded messages pile up.
     */
    private final class SentRecorder {

        private final BlockingQueue<DeliveryOutcomes.Sent> queue;
        private final Thread writer;
        private volatile boolean finishing;

        SentRecorder(AlertChannel channel) {
            this.queue = new ArrayBlockingQueue<>(Math.max(16, 4 * properties.batchSize()));
            this.writer = Thread.ofPlatform()
                    .name("delivery-" + channel.channel().name().toLowerCase(java.util.Locale.ROOT) + "-recorder")
                    .daemon()
                    .start(this::write);
        }

        void accept(DeliveryOutcomes.Sent sent) {
            try {
                queue.put(sent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Not recorded: the claim times out and the delivery is sent again, as after a crash.
                log.warn("Interrupted before recording delivery {} as sent", sent.deliveryId());
            }
        }

        /** Writes what is left and stops; called once every send has returned. */
        void finish() {
            finishing = true;
            try {
                writer.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write() {
            List<DeliveryOutcomes.Sent> batch = new ArrayList<>();
            int failures = 0;
            while (true) {
                try {
                    if (batch.isEmpty()) {
                        DeliveryOutcomes.Sent first = queue.poll(100, TimeUnit.MILLISECONDS);
                        if (first == null) {
                            if (finishing && queue.isEmpty()) {
                                return;
                            }
                            continue;
                        }
                        batch.add(first);
                        queue.drainTo(batch, Math.max(1, properties.batchSize()) - 1);
                    }
                    outcomes.sent(batch);
                    batch.clear();
                    failures = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failures++;
                    if (finishing && failures >= 3) {
                        log.error("Could not record {} sent deliveries; their claims will be retried", batch.size(), e);
                        return;
                    }
                    log.warn("Recording {} sent deliveries failed, retrying: {}", batch.size(), e.toString());
                    pause();
                }
            }
        }
    }
}
