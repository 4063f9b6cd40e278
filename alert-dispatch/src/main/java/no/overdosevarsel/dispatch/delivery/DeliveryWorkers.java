package no.overdosevarsel.dispatch.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.dispatch.alert.AlertReadModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, one worker per channel. A worker leases a batch that fan-out wrote (a chunk's subscriber range
 * of one alert version and channel; several dispatch instances share the batches with {@code SKIP LOCKED}), reads its
 * unsent deliveries page by page, sends with bounded concurrency and records each outcome (accepted sends in batches,
 * one statement for many). A batch is deleted when every delivery in it has an outcome. Higher severity comes first: a
 * worker looks for a batch of higher priority before each page, and takes due retries of at least its current
 * priority before new work. Leases are renewed while a batch is worked on; a lease that runs out (a crashed instance)
 * lets another worker take the batch and send what has no outcome yet. A stopping worker waits for its sends, records
 * them and gives its batches back at once.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    /** How long the recorder waits for more accepted sends before writing what it has. */
    private static final Duration GATHER = Duration.ofMillis(20);

    private static final Comparator<Batch> HIGHEST_PRIORITY_FIRST =
            Comparator.comparingInt(Batch::priority).reversed().thenComparingLong(Batch::id);

    private final JdbcClient jdbc;
    private final List<AlertChannel> channels;
    private final AlertReadModel alerts;
    private final DeliveryOutcomes outcomes;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Map<AlertKey, AlertEvent> alertCache = new ConcurrentHashMap<>();
    /** Batches this instance holds a lease on: being read, or with sends whose outcome is not recorded yet. */
    private final Map<Long, Batch> leased = new ConcurrentHashMap<>();
    /** Names this instance's leases, so that it notices when one it let lapse has been taken by another instance. */
    private final UUID instance = UUID.randomUUID();

    private final Object wakeUp = new Object();
    private final List<Thread> loops = new ArrayList<>();
    private @Nullable Thread leaseKeeper;
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
                    .name("delivery-" + channel.channel().name().toLowerCase(Locale.ROOT))
                    .daemon()
                    .start(() -> run(channel));
            loops.add(loop);
        }
        leaseKeeper = Thread.ofPlatform().name("delivery-leases").daemon().start(this::keepLeases);
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
        Thread keeper = leaseKeeper;
        if (keeper != null) {
            keeper.interrupt();
            leaseKeeper = null;
        }
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
        // Leased batches still being read, highest priority first.
        List<Batch> reading = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Instant nextRetryCheck = Instant.EPOCH;
            while (running) {
                try {
                    Batch current = reading.isEmpty() ? null : reading.getFirst();
                    List<Work> work = List.of();
                    Instant now = clock.instant();
                    if (current == null || !now.isBefore(nextRetryCheck)) {
                        work = claimRetries(channel, current == null ? Integer.MIN_VALUE : current.priority());
                        nextRetryCheck = now.plus(properties.pollInterval().dividedBy(4));
                    }
                    if (work.isEmpty()) {
                        Batch higher = leaseBatch(channel, current == null ? Integer.MIN_VALUE : current.priority());
                        if (higher != null) {
                            reading.add(higher);
                            reading.sort(HIGHEST_PRIORITY_FIRST);
                            continue;
                        }
                        if (current != null && current.lost()) {
                            // Another instance has it now and reads it from its start.
                            reading.removeFirst();
                            continue;
                        }
                        if (current == null) {
                            synchronized (wakeUp) {
                                wakeUp.wait(properties.pollInterval().toMillis());
                            }
                            continue;
                        }
                        work = readPage(channel, current);
                        if (work.isEmpty()) {
                            reading.removeFirst();
                            current.readingDone();
                            continue;
                        }
                    }
                    for (Work item : work) {
                        permits.acquire();
                        item.open();
                        senders.submit(() -> {
                            try {
                                send(channel, item, recorder);
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
            giveBack(reading);
        }
    }

    /**
     * Batches this worker was still reading go back at once, so another instance (or this one after a restart) need
     * not wait for the lease to run out, but only if every send from them has its outcome recorded: otherwise they
     * keep the lease until it runs out, and whoever takes them over sends what is not recorded.
     */
    private void giveBack(List<Batch> reading) {
        Long[] ids = reading.stream().filter(Batch::allRecorded).map(Batch::id).toArray(Long[]::new);
        if (ids.length == 0) {
            return;
        }
        // No longer renewed from here on.
        List.of(ids).forEach(leased::remove);
        try {
            jdbc.sql("UPDATE delivery_batch SET lease_until = '-infinity' WHERE id = ANY(:ids) AND leased_by = :me")
                    .param("ids", ids)
                    .param("me", instance)
                    .update();
        } catch (RuntimeException e) {
            log.warn("Could not give back {} delivery batches; they return when their lease runs out", ids.length, e);
        }
    }

    /**
     * Renews this instance's leases several times per lease period, except on a batch with sends in flight that made
     * no progress (a page read, an outcome recorded) for a whole lease period: a batch held up by sends that never
     * return is let go, so that another worker can finish it, as a crashed instance's would be. A lease that another
     * instance has taken meanwhile (ours had lapsed: the database was away longer than a lease) is dropped, and its
     * batch is no longer read here.
     */
    private void keepLeases() {
        Duration every = properties.claimTimeout().dividedBy(5);
        while (running) {
            try {
                Thread.sleep(every);
                if (!running) {
                    return;
                }
                long stalledBefore =
                        System.nanoTime() - properties.claimTimeout().toNanos();
                Long[] ids = leased.values().stream()
                        .filter(batch -> !batch.stalled(stalledBefore))
                        .map(Batch::id)
                        .toArray(Long[]::new);
                if (ids.length == 0) {
                    continue;
                }
                Set<Long> renewed = Set.copyOf(jdbc.sql("""
                                UPDATE delivery_batch SET lease_until = now() + make_interval(secs => :lease)
                                WHERE id = ANY(:ids) AND leased_by = :me
                                RETURNING id
                                """)
                        .param("lease", leaseSeconds())
                        .param("ids", ids)
                        .param("me", instance)
                        .query(Long.class)
                        .list());
                for (Long id : ids) {
                    if (!renewed.contains(id)) {
                        Batch lost = leased.remove(id);
                        if (lost != null) {
                            lost.lose();
                            log.warn("Lost the lease on delivery batch {} to another instance", id);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Renewing delivery batch leases failed, retrying: {}", e.toString());
            }
        }
    }

    private double leaseSeconds() {
        return properties.claimTimeout().toMillis() / 1000.0;
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

    /** The next batch with a priority above {@code above} that nobody holds a lease on, leased to us. */
    private @Nullable Batch leaseBatch(AlertChannel channel, int above) {
        Batch batch = jdbc.sql("""
                        UPDATE delivery_batch SET lease_until = now() + make_interval(secs => :lease), leased_by = :me
                        WHERE id = (
                            SELECT id FROM delivery_batch
                            WHERE channel = :channel AND priority > :above AND lease_until < now()
                              AND NOT id = ANY(:mine)
                            ORDER BY priority DESC, id
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED)
                        RETURNING id, alert_id, alert_version, priority, subscriber_after, subscriber_up_to
                        """)
                .param("lease", leaseSeconds())
                .param("me", instance)
                .param("mine", leased.keySet().toArray(Long[]::new))
                .param("channel", channel.channel().name())
                .param("above", above)
                .query((rs, n) -> new Batch(
                        rs.getLong("id"),
                        rs.getObject("alert_id", UUID.class),
                        rs.getInt("alert_version"),
                        rs.getInt("priority"),
                        rs.getObject("subscriber_after", UUID.class),
                        rs.getObject("subscriber_up_to", UUID.class)))
                .optional()
                .orElse(null);
        if (batch != null) {
            leased.put(batch.id(), batch);
        }
        return batch;
    }

    /**
     * The batch's next page of deliveries that have never been attempted, in subscriber order through the unique key
     * {@code delivery_once}; a read, not an update. Deliveries that failed once are in the retry queue, not here.
     */
    private List<Work> readPage(AlertChannel channel, Batch batch) {
        UUID after = batch.cursor();
        String range = (after == null ? "" : " AND d.subscriber_id > :after")
                + (batch.upTo() == null ? "" : " AND d.subscriber_id <= :upTo");
        List<Work> page = jdbc.sql("""
                        SELECT d.id, d.subscriber_id, d.address, d.language, s.unsubscribe_token AS token
                        FROM delivery d LEFT JOIN subscriber s ON s.id = d.subscriber_id
                        WHERE d.alert_id = :alertId AND d.alert_version = :version AND d.channel = :channel%s
                          AND d.status = 'PENDING' AND d.attempts = 0
                        ORDER BY d.subscriber_id
                        LIMIT :limit
                        """.formatted(range))
                .param("alertId", batch.alertId())
                .param("version", batch.version())
                .param("channel", channel.channel().name())
                .param("after", after)
                .param("upTo", batch.upTo())
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Work(recipient(rs), batch.alertId(), batch.version(), batch.priority(), 1, batch))
                .list();
        if (!page.isEmpty()) {
            batch.moveCursor(page.getLast().recipient().subscriberId());
        }
        return page;
    }

    /**
     * Retries that are due, of at least the given priority, oldest first; each is leased by moving its due time on by
     * the claim timeout. Retries whose delivery has ended meanwhile (erased subscriber) are dropped.
     */
    private List<Work> claimRetries(AlertChannel channel, int minPriority) {
        List<Work> due = new ArrayList<>();
        List<Long> ended = new ArrayList<>();
        jdbc.sql("""
                        UPDATE delivery_retry r SET due_at = now() + make_interval(secs => :lease)
                        FROM delivery d
                        WHERE r.delivery_id IN (
                                SELECT delivery_id FROM delivery_retry
                                WHERE channel = :channel AND due_at <= now() AND priority >= :minPriority
                                ORDER BY due_at
                                LIMIT :limit
                                FOR UPDATE SKIP LOCKED)
                          AND d.id = r.delivery_id
                        RETURNING d.id, d.alert_id, d.alert_version, d.subscriber_id, d.address, d.language, d.attempts,
                            d.status, r.priority,
                            (SELECT s.unsubscribe_token FROM subscriber s WHERE s.id = d.subscriber_id) AS token
                        """)
                .param("lease", leaseSeconds())
                .param("channel", channel.channel().name())
                .param("minPriority", minPriority)
                .param("limit", properties.batchSize())
                .query(rs -> {
                    if (!"PENDING".equals(rs.getString("status"))) {
                        ended.add(rs.getLong("id"));
                        return;
                    }
                    due.add(new Work(
                            recipient(rs),
                            rs.getObject("alert_id", UUID.class),
                            rs.getInt("alert_version"),
                            rs.getInt("priority"),
                            rs.getInt("attempts") + 1,
                            null));
                });
        if (!ended.isEmpty()) {
            jdbc.sql("DELETE FROM delivery_retry WHERE delivery_id = ANY(?)")
                    .param(ended.toArray(Long[]::new))
                    .update();
        }
        return due;
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        String token = rs.getString("token");
        return new Recipient(
                rs.getLong("id"),
                rs.getObject("subscriber_id", UUID.class),
                rs.getString("address"),
                rs.getString("language"),
                token == null ? "" : token);
    }

    private void send(AlertChannel channel, Work work, SentRecorder recorder) {
        SendResult result;
        try {
            AlertEvent alert = alertCache.computeIfAbsent(
                    new AlertKey(work.alertId(), work.version()),
                    key -> alerts.version(work.alertId(), work.version()).orElseThrow());
            if (alertCache.size() > 1_000) {
                alertCache.clear();
            }
            long started = System.nanoTime();
            result = channel.sendAlert(alert, work.recipient());
            metrics.providerLatency(channel.channel(), Duration.ofNanos(System.nanoTime() - started));
            if (result instanceof SendResult.Accepted) {
                metrics.publicationToSend(channel.channel(), alert.sent());
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Never lost: whatever went wrong in rendering or in the provider's SDK, the delivery is tried again later.
            log.warn("Sending delivery {} failed: {}", work.recipient().deliveryId(), e.toString());
            result = new SendResult.RetryLater(e.getClass().getSimpleName(), null);
        }
        record(channel, work, result, recorder);
    }

    private void record(AlertChannel channel, Work work, SendResult result, SentRecorder recorder) {
        Recipient recipient = work.recipient();
        long id = recipient.deliveryId();
        metrics.outcome(
                channel.channel(),
                switch (result) {
                    case SendResult.Accepted accepted -> "sent";
                    case SendResult.Rejected rejected -> rejected.optedOut() ? "opted_out" : "rejected";
                    case SendResult.RetryLater retry -> work.attempt() >= properties.maxAttempts() ? "failed" : "retry";
                });
        // Accepted sends go to the recorder, which settles them once written. For the rest, a database that is away for
        // a while holds this sender (and its permit) until it is back. After a lease period
        // of failures, or when the instance stops, it gives up: the batch then makes no more progress for this
        // delivery, its lease lapses once the rest is done, and whoever takes it over tries the delivery again (it was
        // not sent, or not for good).
        long giveUpAt = System.nanoTime() + properties.claimTimeout().toNanos();
        while (true) {
            try {
                switch (result) {
                    case SendResult.Accepted accepted -> {
                        recorder.accept(
                                new Accepted(new DeliveryOutcomes.Sent(id, accepted.providerId(), work.retry()), work));
                        return;
                    }
                    case SendResult.Rejected rejected ->
                        outcomes.rejected(
                                id,
                                channel.channel(),
                                recipient.address(),
                                recipient.subscriberId(),
                                rejected.reason(),
                                rejected.optedOut());
                    case SendResult.RetryLater retry -> {
                        if (work.attempt() >= properties.maxAttempts()) {
                            outcomes.failed(id, retry.reason());
                        } else {
                            Duration delay = retry.after() != null ? retry.after() : backoff(work.attempt());
                            outcomes.retryAt(
                                    id,
                                    channel.channel(),
                                    work.priority(),
                                    retry.reason(),
                                    clock.instant().plus(delay));
                        }
                    }
                }
                work.settle();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not record the outcome of delivery {}: {}", id, e.toString());
                if (!running || System.nanoTime() - giveUpAt > 0) {
                    return;
                }
                pause();
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

    /**
     * One delivery to send.
     *
     * @param attempt the number of this attempt, from 1
     * @param batch the batch it was read from; null for a retry
     */
    private record Work(
            Recipient recipient,
            UUID alertId,
            int version,
            int priority,
            int attempt,
            @Nullable Batch batch) {

        boolean retry() {
            return batch == null;
        }

        void open() {
            if (batch != null) {
                batch.open();
            }
        }

        void settle() {
            if (batch != null) {
                batch.settle();
            }
        }
    }

    private record AlertKey(UUID alertId, int version) {}

    private record Accepted(DeliveryOutcomes.Sent sent, Work work) {}

    /**
     * A leased batch: the subscriber range (after, upTo] of one alert version on one channel. It counts the sends not
     * yet recorded, plus one for the reader until the last page is read; at zero every delivery in it has an outcome
     * and the batch is deleted.
     */
    private final class Batch {

        private final long id;
        private final UUID alertId;
        private final int version;
        private final int priority;
        private final @Nullable UUID upTo;
        private volatile @Nullable UUID cursor;
        private final AtomicInteger unsettled = new AtomicInteger(1);
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean lost;
        private volatile boolean readerDone;

        Batch(long id, UUID alertId, int version, int priority, @Nullable UUID after, @Nullable UUID upTo) {
            this.id = id;
            this.alertId = alertId;
            this.version = version;
            this.priority = priority;
            this.cursor = after;
            this.upTo = upTo;
        }

        long id() {
            return id;
        }

        UUID alertId() {
            return alertId;
        }

        int version() {
            return version;
        }

        int priority() {
            return priority;
        }

        @Nullable
        UUID upTo() {
            return upTo;
        }

        @Nullable
        UUID cursor() {
            return cursor;
        }

        void moveCursor(UUID lastRead) {
            cursor = lastRead;
            lastProgress = System.nanoTime();
        }

        /** Sends in flight, and nothing settled or read for a lease period. */
        boolean stalled(long stalledBefore) {
            int inFlight = unsettled.get() - (readerDone ? 0 : 1);
            return inFlight > 0 && lastProgress - stalledBefore <= 0;
        }

        boolean lost() {
            return lost;
        }

        void lose() {
            lost = true;
        }

        /** The last page is read: the reader's share is settled. */
        void readingDone() {
            readerDone = true;
            settle();
        }

        void open() {
            unsettled.incrementAndGet();
        }

        /** Only the reader's share is left: every send from this batch has its outcome recorded. */
        boolean allRecorded() {
            return unsettled.get() == 1;
        }

        void settle() {
            lastProgress = System.nanoTime();
            if (unsettled.decrementAndGet() == 0) {
                leased.remove(id);
                try {
                    jdbc.sql("DELETE FROM delivery_batch WHERE id = ? AND leased_by = ?")
                            .params(id, instance)
                            .update();
                } catch (RuntimeException e) {
                    // The lease runs out, and whoever takes the batch finds nothing left to send and deletes it.
                    log.warn("Could not delete finished delivery batch {}: {}", id, e.toString());
                }
            }
        }
    }

    /**
     * Records accepted sends for one channel in batches: senders hand them over and move on, and one thread writes
     * whatever has gathered in a single statement. When sends are rare each is written at once; at provider speed the
     * batches grow by themselves. The queue is bounded, so a slow database slows the senders rather than letting
     * sent-but-unrecorded messages pile up.
     */
    private final class SentRecorder {

        private final BlockingQueue<Accepted> queue;
        private final Thread writer;
        private volatile boolean finishing;

        SentRecorder(AlertChannel channel) {
            this.queue = new ArrayBlockingQueue<>(Math.max(16, 4 * properties.batchSize()));
            this.writer = Thread.ofPlatform()
                    .name("delivery-" + channel.channel().name().toLowerCase(Locale.ROOT) + "-recorder")
                    .daemon()
                    .start(this::write);
        }

        void accept(Accepted accepted) {
            try {
                queue.put(accepted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Not recorded: the batch keeps its lease until it runs out, then the delivery is sent again, as
                // after a crash.
                log.warn(
                        "Interrupted before recording delivery {} as sent",
                        accepted.sent().deliveryId());
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

        /**
         * Waits a moment for more: at provider speed each statement then records tens of sends rather than a few, and
         * the statements and commits per delivery, not the rows, are most of what recording costs the database.
         */
        private void gather(List<Accepted> batch) throws InterruptedException {
            int max = Math.max(1, properties.batchSize());
            queue.drainTo(batch, max - batch.size());
            long deadline = System.nanoTime() + GATHER.toNanos();
            while (batch.size() < max && !finishing) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return;
                }
                Accepted next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, max - batch.size());
            }
        }

        private void write() {
            List<Accepted> batch = new ArrayList<>();
            int failures = 0;
            while (true) {
                try {
                    if (batch.isEmpty()) {
                        Accepted first = queue.poll(100, TimeUnit.MILLISECONDS);
                        if (first == null) {
                            if (finishing && queue.isEmpty()) {
                                return;
                            }
                            continue;
                        }
                        batch.add(first);
                        gather(batch);
                    }
                    outcomes.sent(batch.stream().map(Accepted::sent).toList());
                    batch.forEach(accepted -> accepted.work().settle());
                    batch.clear();
                    failures = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failures++;
                    if (finishing && failures >= 3) {
                        log.error("Could not record {} sent deliveries; they will be sent again", batch.size(), e);
                        return;
                    }
                    log.warn("Recording {} sent deliveries failed, retrying: {}", batch.size(), e.toString());
                    pause();
                }
            }
        }
    }
}
