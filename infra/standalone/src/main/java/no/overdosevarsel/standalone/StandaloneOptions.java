package no.overdosevarsel.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The launcher's own options, each from {@code --name=value} or else from an environment variable. Every other
 * {@code --name=value} is a Spring property handed to all three apps, as on the command line of each.
 */
record StandaloneOptions(
        StandaloneInfrastructure.Settings infrastructure,
        int ingestPort,
        int subscriberPort,
        int dispatchPort,
        List<String> appArguments,
        boolean help) {

    static final Option DATA_DIR = new Option("data-dir", "OVERDOSEVARSEL_DATA_DIR", "./data", "data directory");
    static final Option KAFKA_PORT = new Option("kafka-port", "KAFKA_PORT", "9092", "Kafka client port (127.0.0.1)");
    static final Option KAFKA_CONTROLLER_PORT = new Option(
            "kafka-controller-port", "KAFKA_CONTROLLER_PORT", "9093", "Kafka KRaft controller port (127.0.0.1)");
    static final Option POSTGRES_PORT = new Option(
            "postgres-port",
            "POSTGRES_PORT",
            null,
            "embedded PostgreSQL port; default: the port used last time, else 5433 when free, else any; 0 = any");
    static final Option DATASOURCE_URL = new Option(
            "datasource-url", "OVERDOSEVARSEL_DATASOURCE_URL", null, "use this JDBC URL, not the embedded PostgreSQL");
    static final Option DATASOURCE_USERNAME =
            new Option("datasource-username", "OVERDOSEVARSEL_DATASOURCE_USERNAME", null, "its user");
    static final Option DATASOURCE_PASSWORD = new Option(
            "datasource-password",
            "OVERDOSEVARSEL_DATASOURCE_PASSWORD",
            null,
            "its password (prefer the environment variable)");
    static final Option INGEST_PORT =
            new Option("ingest-port", "OVERDOSEVARSEL_INGEST_PORT", "8081", "alert-ingest HTTP port");
    static final Option SUBSCRIBER_PORT =
            new Option("subscriber-port", "OVERDOSEVARSEL_SUBSCRIBER_PORT", "8082", "subscriber-api HTTP port");
    static final Option DISPATCH_PORT =
            new Option("dispatch-port", "OVERDOSEVARSEL_DISPATCH_PORT", "8083", "alert-dispatch HTTP port");

    static final List<Option> ALL = List.of(
            DATA_DIR,
            KAFKA_PORT,
            KAFKA_CONTROLLER_PORT,
            POSTGRES_PORT,
            DATASOURCE_URL,
            DATASOURCE_USERNAME,
            DATASOURCE_PASSWORD,
            INGEST_PORT,
            SUBSCRIBER_PORT,
            DISPATCH_PORT);

    StandaloneOptions {
        appArguments = List.copyOf(appArguments);
    }

    /** @throws IllegalArgumentException with a message for the user when an option is malformed */
    static StandaloneOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        List<String> appArguments = new ArrayList<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "Unexpected argument '" + arg + "': options look like --name=value (see --help)");
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (ALL.stream().anyMatch(option -> option.name().equals(name))) {
                if (equals < 0) {
                    throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
                }
                given.put(name, arg.substring(equals + 1));
            } else {
                appArguments.add(arg);
            }
        }
        Function<Option, @Nullable String> value = option -> {
            String fromArgs = given.get(option.name());
            if (fromArgs != null) {
                return fromArgs;
            }
            String fromEnvironment = environment.get(option.environmentVariable());
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : option.defaultValue();
        };
        String datasourceUrl = value.apply(DATASOURCE_URL);
        StandaloneInfrastructure.ExternalDatabase external = datasourceUrl == null
                ? null
                : new StandaloneInfrastructure.ExternalDatabase(
                        datasourceUrl, value.apply(DATASOURCE_USERNAME), value.apply(DATASOURCE_PASSWORD));
        String postgresPort = value.apply(POSTGRES_PORT);
        var infrastructure = new StandaloneInfrastructure.Settings(
                Path.of(required(value, DATA_DIR)),
                port(value, KAFKA_PORT),
                port(value, KAFKA_CONTROLLER_PORT),
                postgresPort == null ? null : port(POSTGRES_PORT, postgresPort, 0),
                external);
        return new StandaloneOptions(
                infrastructure,
                port(value, INGEST_PORT),
                port(value, SUBSCRIBER_PORT),
                port(value, DISPATCH_PORT),
                appArguments,
                help);
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("""
                Runs Overdosevarsel on this machine: a Kafka broker, PostgreSQL and the three apps in one process.

                Usage: java -jar overdosevarsel-standalone.jar [options] [--spring.property=value ...]

                Options (or their environment variables):
                """);
        for (Option option : ALL) {
            usage.append("  %-28s %-36s %s%s%n"
                    .formatted(
                            "--" + option.name() + "=...",
                            option.environmentVariable(),
                            option.description(),
                            option.defaultValue() == null ? "" : " (default " + option.defaultValue() + ")"));
        }
        usage.append("""

                Any other --name=value is a Spring property given to all three apps, e.g.
                  --logging.level.no.overdosevarsel=debug
                """);
        return usage.toString();
    }

    private static String required(Function<Option, @Nullable String> value, Option option) {
        String result = value.apply(option);
        if (result == null) {
            throw new IllegalArgumentException("--" + option.name() + " is required");
        }
        return result;
    }

    private static int port(Function<Option, @Nullable String> value, Option option) {
        return port(option, required(value, option), 1);
    }

    private static int port(Option option, String text, int lowest) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= lowest && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option.name() + " (" + option.environmentVariable()
                + ") must be a port number, not '" + text + "'");
    }

    record Option(
            String name,
            String environmentVariable,
            @Nullable String defaultValue,
            String description) {}
}
