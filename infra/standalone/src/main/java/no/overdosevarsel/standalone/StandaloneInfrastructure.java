package no.overdosevarsel.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three apps need around them, in this JVM: a real single-node Kafka broker with its log under
 * {@code <data>/kafka}, and PostgreSQL with its data under {@code <data>/postgres} (unless an external database is
 * given). Both survive a restart on the same data directory with their topics, records and rows.
 *
 * <pre>{@code
 * try (var infrastructure = StandaloneInfrastructure.start(StandaloneInfrastructure.Settings.onFreePorts(dir))) {
 *     infrastructure.kafkaBootstrapServers(); // 127.0.0.1:<port>
 *     infrastructure.jdbcUrl();               // jdbc:postgresql://127.0.0.1:<port>/overdosevarsel
 * }
 * }</pre>
 */
public final class StandaloneInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneInfrastructure.class);

    private final Path dataDirectory;
    private final FileLock lock;
    private final KafkaBroker broker;
    private final @Nullable EmbeddedPostgresServer postgres;
    private final @Nullable ExternalDatabase externalDatabase;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StandaloneInfrastructure(
            Path dataDirectory,
            FileLock lock,
            KafkaBroker broker,
            @Nullable EmbeddedPostgresServer postgres,
            @Nullable ExternalDatabase externalDatabase) {
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.broker = broker;
        this.postgres = postgres;
        this.externalDatabase = externalDatabase;
    }

    /**
     * Starts the broker and (unless {@link Settings#externalDatabase()} is set) PostgreSQL side by side, and returns
     * once both serve clients. Fails if another process uses the data directory.
     */
    public static StandaloneInfrastructure start(Settings settings) {
        Path data = settings.dataDirectory().toAbsolutePath().normalize();
        FileLock lock = lockDataDirectory(data);
        try {
            Ports.requireFree(settings.kafkaPort(), "Kafka", "set KAFKA_PORT or --kafka-port");
            Ports.requireFree(
                    settings.kafkaControllerPort(),
                    "the Kafka controller",
                    "set KAFKA_CONTROLLER_PORT or --kafka-controller-port");
            ExternalDatabase external = settings.externalDatabase();
            // initdb takes seconds on a first start: let it run while the broker starts
            CompletableFuture<@Nullable EmbeddedPostgresServer> postgres = external != null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(
                            () -> EmbeddedPostgresServer.start(
                                    data.resolve("postgres"), data.resolve("postgres.port"), settings.postgresPort()),
                            task -> Thread.ofPlatform()
                                    .name("embedded-postgres-start")
                                    .start(task));
            KafkaBroker broker;
            try {
                broker = KafkaBroker.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
            } catch (RuntimeException e) {
                try {
                    closeQuietly(postgres.join());
                } catch (CompletionException postgresFailed) {
                    e.addSuppressed(postgresFailed.getCause());
                }
                throw e;
            }
            try {
                return new StandaloneInfrastructure(data, lock, broker, postgres.join(), external);
            } catch (CompletionException e) {
                closeQuietly(broker);
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /** {@code host:port} of the broker's PLAINTEXT listener. */
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public String jdbcUrl() {
        return postgres != null ? postgres.jdbcUrl() : requireExternal().url();
    }

    public String databaseUsername() {
        if (postgres != null) {
            return EmbeddedPostgresServer.USERNAME;
        }
        String username = requireExternal().username();
        return username != null ? username : "";
    }

    /** The password, if the database needs one; the embedded PostgreSQL trusts local connections. */
    public @Nullable String databasePassword() {
        return postgres != null ? null : requireExternal().password();
    }

    public boolean isDatabaseEmbedded() {
        return postgres != null;
    }

    /** Where the embedded PostgreSQL writes its server log, if it runs. */
    public @Nullable Path postgresLogDirectory() {
        return postgres != null ? postgres.logDirectory() : null;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the broker (controlled shutdown), then PostgreSQL, then frees the data directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        long started = System.nanoTime();
        closeQuietly(broker);
        if (postgres != null) {
            closeQuietly(postgres);
        }
        release(lock);
        log.info("Stopped Kafka and PostgreSQL in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private ExternalDatabase requireExternal() {
        if (externalDatabase == null) {
            throw new IllegalStateException("no database");
        }
        return externalDatabase;
    }

    private static FileLock lockDataDirectory(Path data) {
        try {
            Files.createDirectories(data);
            FileChannel channel = FileChannel.open(
                    data.resolve("standalone.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(
                        "Another Overdosevarsel standalone process uses " + data + "; stop it or choose --data-dir");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use data directory " + data, e);
        }
    }

    private static void release(FileLock lock) {
        try (FileChannel channel = lock.channel()) {
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the data directory lock", e);
        }
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not stop {}", closeable.getClass().getSimpleName(), e);
        }
    }

    /**
     * How to start the infrastructure.
     *
     * @param dataDirectory holds {@code kafka/} and {@code postgres/}; created if missing
     * @param kafkaPort the broker's client port on 127.0.0.1
     * @param kafkaControllerPort the KRaft controller's port on 127.0.0.1
     * @param postgresPort the embedded PostgreSQL's port; {@code 0} for any free port, {@code null} for the port this
     *     data directory used last time, else {@value EmbeddedPostgresServer#DEFAULT_PORT} when free, else any
     * @param externalDatabase a database to use instead of the embedded PostgreSQL
     */
    public record Settings(
            Path dataDirectory,
            int kafkaPort,
            int kafkaControllerPort,
            @Nullable Integer postgresPort,
            @Nullable ExternalDatabase externalDatabase) {

        /** Free ports for everything, chosen now: reuse the same settings to restart on the same ports. */
        public static Settings onFreePorts(Path dataDirectory) {
            int[] ports = Ports.distinctFree(3);
            return new Settings(dataDirectory, ports[0], ports[1], ports[2], null);
        }
    }

    /** A PostgreSQL (or compatible) database the apps use instead of the embedded one. */
    public record ExternalDatabase(
            String url, @Nullable String username, @Nullable String password) {

        @Override
        public String toString() {
            return "ExternalDatabase[url=" + url + ", username=" + username + ", password="
                    + (password == null ? "none" : "***") + "]";
        }
    }
}
