package no.overdosevarsel.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.overdosevarsel.dispatch.AlertDispatchApplication;
import no.overdosevarsel.ingest.AlertIngestApplication;
import no.overdosevarsel.subscriber.SubscriberApiApplication;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three apps, each its own Spring Boot application (no parent context, nothing shared but the JVM), started side
 * by side and told where the broker and the database are through command-line properties, which outrank their own
 * {@code <app>.properties}.
 */
final class StandaloneApps implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApps.class);
    private static final Duration STARTING_APP_WAIT = Duration.ofSeconds(60);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(90);

    /** @param properties what this app needs beyond what all three get */
    record App(
            String name,
            Class<?> source,
            int port,
            StandaloneOptions.Option portOption,
            Map<String, String> properties) {

        String url() {
            return "http://localhost:" + port;
        }
    }

    /** Where subscriber-api's signing secret is kept between runs, under the data directory. */
    static final String TOKEN_SECRET_FILE = "secrets/subscriber-token-secret";

    private final List<App> apps;
    private final Map<String, String> environment;
    private final Map<App, CompletableFuture<ConfigurableApplicationContext>> running = new LinkedHashMap<>();
    private boolean closed;

    StandaloneApps(StandaloneOptions options, Map<String, String> environment) {
        this.environment = environment;
        Map<String, String> links = linksUnlessConfigured(options, environment);
        Map<String, String> dispatch = new LinkedHashMap<>(links);
        dispatch.putAll(localOutboxUnlessConfigured(environment, options.appArguments()));
        this.apps = List.of(
                new App(
                        "alert-ingest",
                        AlertIngestApplication.class,
                        options.ingestPort(),
                        StandaloneOptions.INGEST_PORT,
                        links),
                new App(
                        "subscriber-api",
                        SubscriberApiApplication.class,
                        options.subscriberPort(),
                        StandaloneOptions.SUBSCRIBER_PORT,
                        links),
                new App(
                        "alert-dispatch",
                        AlertDispatchApplication.class,
                        options.dispatchPort(),
                        StandaloneOptions.DISPATCH_PORT,
                        dispatch));
    }

    /**
     * Links in messages and pages, and the token issuer, point at the ports the apps run on here, unless they are set
     * otherwise.
     */
    static Map<String, String> linksUnlessConfigured(StandaloneOptions options, Map<String, String> environment) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!configured(
                environment,
                options.appArguments(),
                "overdosevarsel.links.public-base-url",
                "OVERDOSEVARSEL_LINKS_PUBLICBASEURL")) {
            properties.put("overdosevarsel.links.public-base-url", "http://localhost:" + options.dispatchPort());
        }
        if (!configured(
                environment,
                options.appArguments(),
                "overdosevarsel.links.subscriber-base-url",
                "OVERDOSEVARSEL_LINKS_SUBSCRIBERBASEURL",
                "SUBSCRIBER_BASE_URL")) {
            properties.put("overdosevarsel.links.subscriber-base-url", "http://localhost:" + options.subscriberPort());
        }
        if (!configured(
                environment,
                options.appArguments(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "OVERDOSEVARSEL_IDENTITY_ISSUER_URI")) {
            // alert-ingest's embedded authorization server issues the tokens; the other two trust it at its address.
            String issuer = "http://localhost:" + options.ingestPort();
            properties.put("overdosevarsel.identity.authorization-server.issuer", issuer);
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        }
        return properties;
    }

    /**
     * On one machine nothing is sent for real unless it is set up: without Twilio credentials SMS, and without an
     * SMTP host email, go to alert-dispatch's local outbox instead of failing the start.
     */
    static Map<String, String> localOutboxUnlessConfigured(
            Map<String, String> environment, List<String> userArguments) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!configured(environment, userArguments, "overdosevarsel.sms.twilio.account-sid", "TWILIO_ACCOUNT_SID")) {
            properties.put("overdosevarsel.sms.provider", "local");
        }
        if (!configured(environment, userArguments, "spring.mail.host", "SPRING_MAIL_HOST")) {
            properties.put("overdosevarsel.email.provider", "local");
        }
        return properties;
    }

    /** Whether the user sets {@code property}, on the command line or through one of its environment variables. */
    private static boolean configured(
            Map<String, String> environment, List<String> userArguments, String property, String... variables) {
        return userArguments.stream().anyMatch(arg -> names(arg, property))
                || Arrays.stream(variables).map(environment::get).anyMatch(value -> value != null && !value.isBlank());
    }

    List<App> apps() {
        return apps;
    }

    void requirePortsFree() {
        for (App app : apps) {
            Ports.requireFree(
                    app.port(),
                    app.name(),
                    "choose another with --" + app.portOption().name() + "=... or "
                            + app.portOption().environmentVariable());
        }
    }

    /**
     * Starts all three at once and waits for them.
     *
     * @return the names of the apps that failed to start (their failure is logged by Spring Boot)
     */
    List<String> start(StandaloneInfrastructure infrastructure, List<String> userArguments) {
        Map<App, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
        synchronized (this) {
            if (closed) {
                return List.of();
            }
            for (App app : apps) {
                String[] args = withTokenSecret(app, infrastructure, userArguments);
                starting.put(
                        app,
                        CompletableFuture.supplyAsync(
                                () -> new SpringApplicationBuilder(app.source())
                                        .main(app.source())
                                        .bannerMode(Banner.Mode.OFF)
                                        // the launcher closes the apps before it stops the broker and PostgreSQL
                                        .registerShutdownHook(false)
                                        .run(args),
                                task -> Thread.ofPlatform()
                                        .name("start-" + app.name())
                                        .start(task)));
            }
            running.putAll(starting);
        }
        List<String> failed = new ArrayList<>();
        starting.forEach((app, context) -> {
            try {
                context.join();
            } catch (RuntimeException e) {
                failed.add(app.name());
            }
        });
        return failed;
    }

    /** Closes every app that started (or is still starting), all at once; returns when they are closed. */
    @Override
    public void close() {
        Map<App, CompletableFuture<ConfigurableApplicationContext>> toClose;
        synchronized (this) {
            closed = true;
            toClose = new LinkedHashMap<>(running);
            running.clear();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        toClose.forEach((app, starting) -> closing.add(CompletableFuture.runAsync(
                () -> close(app, starting),
                task -> Thread.ofPlatform().name("stop-" + app.name()).start(task))));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Not every app closed in {}", CLOSE_WAIT, e);
        }
    }

    private static void close(App app, CompletableFuture<ConfigurableApplicationContext> starting) {
        ConfigurableApplicationContext context;
        try {
            context = starting.get(STARTING_APP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return; // it never started, Spring Boot closed what it had
        } catch (TimeoutException e) {
            log.warn("{} is still starting after {}; leaving it", app.name(), STARTING_APP_WAIT);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        context.close();
    }

    private static String[] arguments(App app, StandaloneInfrastructure infrastructure, List<String> userArguments) {
        Map<String, @Nullable String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(app.port()));
        properties.put("spring.datasource.url", infrastructure.jdbcUrl());
        properties.put("spring.datasource.username", infrastructure.databaseUsername());
        properties.put("spring.datasource.password", infrastructure.databasePassword());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("overdosevarsel.standalone", "true");
        properties.put(
                "overdosevarsel.data-directory", infrastructure.dataDirectory().toString());
        // logging is one JVM-wide system, set up once by the launcher: no app stops it or labels all lines as its own
        properties.put("logging.register-shutdown-hook", "false");
        properties.put("logging.include-application-name", "false");
        properties.putAll(app.properties());
        List<String> args = new ArrayList<>();
        // a property named twice on a command line becomes "a,b": the user's value replaces ours instead
        properties.forEach((name, value) -> {
            if (value != null && userArguments.stream().noneMatch(arg -> names(arg, name))) {
                args.add("--" + name + "=" + value);
            }
        });
        args.addAll(userArguments);
        return args.toArray(String[]::new);
    }

    /**
     * subscriber-api signs unsubscribe and manage links: unless a secret is configured, it gets one kept in the data
     * directory, so that links in messages already sent keep working after a restart.
     */
    private String[] withTokenSecret(App app, StandaloneInfrastructure infrastructure, List<String> userArguments) {
        String[] args = arguments(app, infrastructure, userArguments);
        if (app.source() != SubscriberApiApplication.class
                || configured(
                        environment,
                        userArguments,
                        "overdosevarsel.security.token-secret",
                        "OVERDOSEVARSEL_SECURITY_TOKENSECRET")) {
            return args;
        }
        String secret = persistentSecret(infrastructure.dataDirectory().resolve(TOKEN_SECRET_FILE));
        String[] withSecret = Arrays.copyOf(args, args.length + 1);
        withSecret[args.length] = "--overdosevarsel.security.token-secret=" + secret;
        return withSecret;
    }

    /**
     * A random secret made once and kept in a file only its owner can read, so that what it signed stays valid across
     * restarts on the same data directory.
     */
    static String persistentSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            Path temporary = Files.createTempFile(file.getParent(), ".secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Cannot restrict permissions of {} on this file system", file);
            }
            Files.writeString(temporary, secret, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Made subscriber-api's signing secret: {}", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing secret in " + file, e);
        }
    }

    private static boolean names(String argument, String property) {
        return argument.equals("--" + property) || argument.startsWith("--" + property + "=");
    }
}
