package no.overdosevarsel.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs all of Overdosevarsel in one process: Kafka and PostgreSQL first, then alert-ingest, subscriber-api and
 * alert-dispatch. Ctrl-C closes the apps, then the broker, then PostgreSQL.
 *
 * <p>{@code java -jar infra/standalone/target/overdosevarsel-standalone.jar --help}
 */
public final class StandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    /** Loggers that say a lot at INFO about things a person running the product does not need to see. */
    private static final List<String> QUIET_LOGGERS =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky");

    private final StandaloneOptions options;

    private StandaloneApplication(StandaloneOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(StandaloneOptions.usage());
            return;
        }
        initializeLogging(options.appArguments());
        if (!new StandaloneApplication(options).run()) {
            System.exit(1);
        }
    }

    private boolean run() {
        StandaloneApps apps = new StandaloneApps(options, System.getenv());
        StandaloneInfrastructure infrastructure;
        try {
            apps.requirePortsFree();
            infrastructure = StandaloneInfrastructure.start(options.infrastructure());
        } catch (RuntimeException e) {
            log.error("Could not start Kafka and PostgreSQL: {}", e.getMessage(), e);
            return false;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        Thread.ofPlatform().name("overdosevarsel-shutdown").unstarted(() -> {
                            log.info("Stopping Overdosevarsel");
                            apps.close();
                            infrastructure.close();
                        }));
        Duration infrastructureReady = sinceProcessStart();
        List<String> failed = apps.start(infrastructure, options.appArguments());
        if (!failed.isEmpty()) {
            log.error("{} did not start (see above); stopping", String.join(", ", failed));
            return false;
        }
        System.out.println(readyMessage(apps, infrastructure, infrastructureReady, sinceProcessStart()));
        return true;
    }

    /**
     * Logging is one system for the whole JVM. It is set up here once, before the broker logs anything; each app then
     * finds it initialized and leaves it, applying only its {@code logging.level.*} properties.
     */
    private static void initializeLogging(List<String> appArguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SimpleCommandLinePropertySource(appArguments.toArray(String[]::new)));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "standalone-defaults", Map.of("logging.include-application-name", "false")));
        LoggingSystem logging = LoggingSystem.get(StandaloneApplication.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        QUIET_LOGGERS.forEach(name -> logging.setLogLevel(name, LogLevel.WARN));
        Binder.get(environment)
                .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .ifBound(levels -> levels.forEach(
                        (name, level) -> logging.setLogLevel(name.equalsIgnoreCase("root") ? null : name, level)));
    }

    private static String readyMessage(
            StandaloneApps apps,
            StandaloneInfrastructure infrastructure,
            Duration infrastructureReady,
            Duration ready) {
        StringBuilder message = new StringBuilder();
        String rule = "=".repeat(100);
        message.append('\n').append(rule).append('\n');
        message.append("  Overdosevarsel is running (standalone). Ready in %.1f s (Kafka and PostgreSQL in %.1f s)%n"
                .formatted(seconds(ready), seconds(infrastructureReady)));
        message.append('\n');
        for (StandaloneApps.App app : apps.apps()) {
            message.append("  %-16s %-24s health: %s/actuator/health%n".formatted(app.name(), app.url(), app.url()));
        }
        message.append('\n');
        message.append("  %-16s %s   (kcat -b %s -L)%n"
                .formatted(
                        "Kafka bootstrap",
                        infrastructure.kafkaBootstrapServers(),
                        infrastructure.kafkaBootstrapServers()));
        message.append("  %-16s %s   user %s%s%n"
                .formatted(
                        "PostgreSQL",
                        infrastructure.jdbcUrl(),
                        infrastructure.databaseUsername(),
                        infrastructure.isDatabaseEmbedded() ? " (embedded, no password from this machine)" : ""));
        if (infrastructure.postgresLogDirectory() != null) {
            message.append("  %-16s %s%n".formatted("PostgreSQL log", infrastructure.postgresLogDirectory()));
        }
        message.append("  %-16s %s%n".formatted("Data directory", infrastructure.dataDirectory()));
        message.append('\n');
        message.append("  Stop with Ctrl-C.\n");
        message.append(rule).append('\n');
        return message.toString();
    }

    private static Duration sinceProcessStart() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
