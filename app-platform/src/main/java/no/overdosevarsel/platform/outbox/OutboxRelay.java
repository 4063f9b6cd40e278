package no.overdosevarsel.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in insertion order and deletes them once the broker has acknowledged them.
 *
 * <p>Only one relay works at a time across all instances of an app (a PostgreSQL advisory lock held for the
 * transaction), which keeps records of one entity in order without per-key bookkeeping. A broker outage rolls the
 * transaction back: rows stay, the relay backs off exponentially and tries again. A crash after the broker acknowledged
 * but before the delete commits publishes a row twice; consumers deduplicate.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Arbitrary but fixed: the advisory lock key of the relay, per database. */
    private static final long LOCK_KEY = 0x0D0B0C5L;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable Instant> lastFailure = new AtomicReference<>();
    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();
    private volatile @Nullable ScheduledExecutorService executor;
    private volatile Duration backoff = Duration.ZERO;

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("outbox.pending", this, OutboxRelay::pendingCount)
                .description("Outbox rows not yet published")
                .register(meters);
        Gauge.builder("outbox.oldest.age", this, relay -> relay.oldestAge().toMillis() / 1000.0)
                .description("Age in seconds of the oldest unpublished outbox row")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-relay").daemon().factory());
        executor = scheduler;
        scheduler.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void loop() {
        Duration next = properties.pollInterval();
        try {
            int published;
            do {
                published = publishBatch();
            } while (published == properties.batchSize() && executor != null);
            backoff = Duration.ZERO;
            lastError.set(null);
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), properties.maxBackoff());
            next = backoff;
            lastFailure.set(clock.instant());
            lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("Outbox relay could not publish, retrying in {}: {}", backoff, e.toString());
        }
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.schedule(this::loop, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes one batch; returns how many rows it published (0 when another instance holds the lock). */
    int publishBatch() {
        Integer count = transactions.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                    .param(LOCK_KEY)
                    .query(Boolean.class)
                    .single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.sql("SELECT id, topic, message_key, payload FROM outbox ORDER BY id LIMIT ?")
                    .param(properties.batchSize())
                    .query((rs, n) -> new Row(
                            rs.getLong("id"),
                            rs.getString("topic"),
                            rs.getString("message_key"),
                            rs.getString("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                byte[] value = row.payload() == null ? null : row.payload().getBytes(StandardCharsets.UTF_8);
                sends.add(kafka.send(row.topic(), row.key(), value));
            }
            kafka.flush();
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing the outbox", e);
            } catch (Exception e) {
                throw new IllegalStateException("Broker did not acknowledge the outbox batch", e);
            }
            long lastId = rows.getLast().id();
            jdbc.sql("DELETE FROM outbox WHERE id <= ?").param(lastId).update();
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    long pendingCount() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    Duration oldestAge() {
        try {
            return jdbc.sql("SELECT min(created_at) FROM outbox")
                    .query(Timestamp.class)
                    .optional()
                    .map(oldest -> Duration.between(oldest.toInstant(), clock.instant()))
                    .orElse(Duration.ZERO);
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
    }

    @Nullable
    String lastError() {
        return lastError.get();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(
            long id, String topic, String key, @Nullable String payload) {}
}
