package no.overdosevarsel.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real brokers and databases for tests that need more than one application context to share them (the end-to-end
 * tests start all three apps on one broker). {@link RealInfrastructure} uses the same pieces for a single context.
 */
public final class TestInfrastructure {

    /** Forces a mode: {@code containers} or {@code embedded}; unset means containers exactly when Docker runs. */
    public static final String MODE_ENV = "OVERDOSEVARSEL_TEST_INFRA";

    /** Administrative JDBC URL of a PostgreSQL server to create test databases on (user and password separately). */
    public static final String POSTGRES_URL_ENV = "OVERDOSEVARSEL_TEST_POSTGRES_URL";

    public static final String POSTGRES_USER_ENV = "OVERDOSEVARSEL_TEST_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD_ENV = "OVERDOSEVARSEL_TEST_POSTGRES_PASSWORD";

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17-alpine");

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE_PREFIX = "ov_test_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    private static @Nullable Boolean useContainers;
    private static @Nullable PostgresServer postgresServer;

    private TestInfrastructure() {}

    /** A running broker; closing it stops it. */
    public interface Kafka extends AutoCloseable {
        String bootstrapServers();

        @Override
        void close();
    }

    /** A database of its own; closing it drops it. */
    public record Database(String url, String username, String password, Runnable dropper) implements AutoCloseable {
        @Override
        public void close() {
            dropper.run();
        }
    }

    public static synchronized boolean useContainers() {
        if (useContainers == null) {
            String mode = System.getenv(MODE_ENV);
            if ("embedded".equalsIgnoreCase(mode)) {
                useContainers = false;
            } else if ("containers".equalsIgnoreCase(mode)) {
                useContainers = true;
            } else {
                useContainers = dockerRuns();
            }
            log.info("Test infrastructure: {}", useContainers ? "Testcontainers" : "in-JVM Kafka and local PostgreSQL");
        }
        return useContainers;
    }

    private static boolean dockerRuns() {
        // Testcontainers' own discovery tries several strategies and can take most of a minute to say no.
        if (System.getenv("DOCKER_HOST") == null
                && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                && !java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                && !java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts a new single-node KRaft broker: a container with Docker, else in this JVM. */
    public static Kafka startKafka() {
        if (useContainers()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            return new Kafka() {
                @Override
                public String bootstrapServers() {
                    return container.getBootstrapServers();
                }

                @Override
                public void close() {
                    container.stop();
                }
            };
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false",
                "log.cleaner.backoff.ms", "1000"));
        broker.afterPropertiesSet();
        return new Kafka() {
            @Override
            public String bootstrapServers() {
                return broker.getBrokersAsString();
            }

            @Override
            public void close() {
                broker.destroy();
            }
        };
    }

    /** Creates a fresh, empty database that is dropped when closed (and swept if a run was killed). */
    public static synchronized Database createDatabase() {
        PostgresServer server = postgresServer();
        String name = DATABASE_PREFIX + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt(), 36);
        server.execute("CREATE DATABASE " + name);
        String url = server.urlOf(name);
        return new Database(url, server.user, server.password, () -> server.dropQuietly(name));
    }

    private static PostgresServer postgresServer() {
        if (postgresServer == null) {
            postgresServer = useContainers() ? PostgresServer.container() : PostgresServer.localOrEmbedded();
            postgresServer.sweepStaleDatabases();
        }
        return postgresServer;
    }

    /** A PostgreSQL server that test databases are created on. */
    private static final class PostgresServer {
        private final String adminUrl;
        private final String user;
        private final String password;

        private PostgresServer(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        static PostgresServer container() {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }

        static PostgresServer localOrEmbedded() {
            String url = envOr(POSTGRES_URL_ENV, DEFAULT_POSTGRES_URL);
            String user = envOr(POSTGRES_USER_ENV, "postgres");
            String password = envOr(POSTGRES_PASSWORD_ENV, "");
            PostgresServer local = new PostgresServer(url, user, password);
            if (local.reachable()) {
                log.info("Test databases on the PostgreSQL server at {}", url);
                return local;
            }
            log.info("No PostgreSQL at {}: starting an embedded one", url);
            return embedded();
        }

        static PostgresServer embedded() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        log.warn("Embedded PostgreSQL did not stop cleanly", e);
                    }
                }));
                return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
            }
        }

        boolean reachable() {
            DriverManager.setLoginTimeout(3);
            try (Connection ignored = connect()) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "3");
            return DriverManager.getConnection(adminUrl, props);
        }

        void execute(String sql) {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Test database setup failed: " + sql, e);
            }
        }

        void dropQuietly(String name) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                log.warn("Could not drop test database {}", name, e);
            }
        }

        /** Drops databases left behind by test runs that were killed more than a day ago. */
        void sweepStaleDatabases() {
            String cutoff = DATABASE_PREFIX + LocalDateTime.now().minusDays(1).format(STAMP);
            List<String> stale = new ArrayList<>();
            try (Connection connection = connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT datname FROM pg_database WHERE datname LIKE '" + DATABASE_PREFIX + "%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.compareTo(cutoff) < 0) {
                        stale.add(name);
                    }
                }
            } catch (SQLException e) {
                log.debug("Could not list stale test databases", e);
            }
            stale.forEach(this::dropQuietly);
        }

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
