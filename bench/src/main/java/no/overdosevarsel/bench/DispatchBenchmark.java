package no.overdosevarsel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.AlertDispatchApplication;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.Recipient;
import no.overdosevarsel.dispatch.delivery.SendResult;
import no.overdosevarsel.testinfra.TestInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * For each N: a broker, a fresh database, the Twilio stub and an SMTP sink on loopback, and alert-dispatch with SMS
 * throttling off; N subscribers loaded into dispatch's tables; one national alert published on {@code alerts}; timed
 * until both stubs have accepted N messages each. Then the bare limit: the same 2N messages sent through the same
 * channel beans (same Twilio SDK client, same JavaMailSender, same rendering, same concurrency per channel) straight to
 * the same stubs, with no Kafka and no database.
 *
 * <p>Each N runs in a JVM of its own (started with this JVM's options), so one run's heap cannot leak into the next.
 *
 * <pre>
 * java -Xmx2g -jar bench/target/bench.jar --subscribers=10000,100000 [--results=bench/target/bench-results.md]
 *     [--dispatch.overdosevarsel.sms.concurrency=16 ...]   (any dispatch property, prefixed with "dispatch.")
 * </pre>
 */
public final class DispatchBenchmark {

    /** Stavanger: no benchmark subscriber lives there, only the warm-up ones. */
    private static final String WARM_UP_REGION = "1103";

    private static final String RESULT_PREFIX = "BENCH-RESULT|";
    private static final String WARM_UP_DEFAULT = "10000";
    private static final String WARM_UP_SUBSCRIBERS_DEFAULT = "20000";
    private static final String ROUNDS_DEFAULT = "2";

    private DispatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("single")) {
            Result result = runOne(Integer.parseInt(options.get("subscribers")), options);
            Files.writeString(Path.of(options.get("result-file")), result.line());
            System.exit(0);
        }
        List<Integer> sizes = Arrays.stream(
                        options.getOrDefault("subscribers", "10000,100000").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            Path resultFile = Files.createTempFile("bench-" + n + "-", ".txt");
            List<String> command = childCommand(args, n, resultFile);
            System.out.println("=== N = " + n + ": " + String.join(" ", command));
            ProcessBuilder child = new ProcessBuilder(command).inheritIO();
            if (System.getenv(TestInfrastructure.MODE_ENV) == null) {
                // Docker is not wanted here: in-JVM broker, local PostgreSQL (or embedded if none).
                child.environment().put(TestInfrastructure.MODE_ENV, "embedded");
            }
            int exit = child.start().waitFor();
            String line = Files.readString(resultFile).strip();
            Files.deleteIfExists(resultFile);
            if (exit != 0 || line.isEmpty()) {
                System.out.println("=== N = " + n + " failed (exit " + exit + "); stopping");
                break;
            }
            results.add(Result.parse(line));
        }
        String table = table(results);
        System.out.println();
        System.out.println(table);
        Path out = Path.of(options.getOrDefault("results", "bench/target/bench-results.md"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, table);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static List<String> childCommand(String[] args, int n, Path resultFile) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(DispatchBenchmark.class.getName());
        }
        for (String arg : args) {
            if (!arg.startsWith("--subscribers=") && !arg.startsWith("--results=")) {
                command.add(arg);
            }
        }
        command.add("--single");
        command.add("--subscribers=" + n);
        command.add("--result-file=" + resultFile);
        return command;
    }

    static Result runOne(int n, Map<String, String> options) throws Exception {
        log(
                "N = %,d subscribers, load %s, %d cores, max heap %d MiB",
                n,
                loadAverage(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Duration timeout =
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "" + (120 + n / 100))));
        try (TestInfrastructure.Kafka kafka = TestInfrastructure.startKafka();
                TestInfrastructure.Database database = TestInfrastructure.createDatabase();
                CountingTwilioStub twilio = new CountingTwilioStub();
                SmtpSink smtp = new SmtpSink()) {
            ConfigurableApplicationContext dispatch = startDispatch(kafka, database, twilio, smtp, options);
            try {
                DataSource dataSource = dispatch.getBean(DataSource.class);
                JdbcClient jdbc = JdbcClient.create(dataSource);
                long loadStart = System.nanoTime();
                SubscriberLoader.load(dataSource, 0, n, null);
                int warmUpSubscribers =
                        Integer.parseInt(options.getOrDefault("warm-up-subscribers", WARM_UP_SUBSCRIBERS_DEFAULT));
                SubscriberLoader.load(dataSource, n, warmUpSubscribers, WARM_UP_REGION);
                log(
                        "Loaded %,d subscribers (%,d contact points) in %.1f s",
                        n, 2L * n, seconds(System.nanoTime() - loadStart));

                Map<Channel, AlertChannel> channels = new LinkedHashMap<>();
                dispatch.getBeansOfType(AlertChannel.class).values().forEach(c -> channels.put(c.channel(), c));
                AlertChannel sms = channels.get(Channel.SMS);
                AlertChannel email = channels.get(Channel.EMAIL);
                log("Concurrency: SMS %d, email %d", sms.concurrency(), email.concurrency());

                // Warm-up (not measured): JIT for the SDK, JavaMail, rendering and the stubs.
                int warmUp = Integer.parseInt(options.getOrDefault("warm-up", WARM_UP_DEFAULT));
                long warmUpStart = System.nanoTime();
                sendBare(sms, email, alert(), warmUp, Duration.ofMinutes(10), twilio, smtp);
                log("Warm-up: %,d messages per channel in %.1f s", warmUp, seconds(System.nanoTime() - warmUpStart));
                awaitAlertListener(dispatch);
                // Warm-up of the whole path (Kafka, fan-out, claims, outcomes), so that the JIT compiler is not still
                // busy with dispatch's own code while the end-to-end figure is taken: a Minor alert for a region
                // only the warm-up subscribers have; they are deactivated afterwards.
                if (warmUpSubscribers > 0) {
                    long pathStart = System.nanoTime();
                    twilio.acceptances().reset();
                    smtp.acceptances().reset();
                    AlertEvent warmUpAlert = alert(Severity.Minor, WARM_UP_REGION);
                    try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                        producer.send(new ProducerRecord<>(
                                        Topics.ALERTS, warmUpAlert.alertId().toString(), EventJson.write(warmUpAlert)))
                                .get(10, TimeUnit.SECONDS);
                    }
                    await("warm-up", timeout, timeout, pathStart, twilio, smtp, warmUpSubscribers);
                    await(
                            Duration.ofMinutes(5),
                            () -> jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND status = 'SENT'")
                                            .param(warmUpAlert.alertId())
                                            .query(Long.class)
                                            .single()
                                    >= 2L * warmUpSubscribers);
                    jdbc.sql("UPDATE subscriber SET active = false WHERE id IN"
                                    + " (SELECT subscriber_id FROM subscriber_region WHERE region_code = ?)")
                            .param(WARM_UP_REGION)
                            .update();
                    log(
                            "Warm-up end to end: %,d subscribers in %.1f s",
                            warmUpSubscribers, seconds(System.nanoTime() - pathStart));
                }
                awaitQuietCompiler(Duration.ofSeconds(60));

                // Measured rounds: end to end, then bare, repeated. The first round's end-to-end phase is the first
                // time dispatch's whole path runs at full size, and the JIT compiler is still busy with it (10-20 s
                // of compiler CPU on 2 cores, against 2-5 s in the bare phase after it); from the second round on
                // both phases run compiled code. The table reports the last round and, next to it, the first
                // round's ratio; the log has every round.
                int rounds = options.containsKey("e2e-limit-seconds")
                        ? 1
                        : Math.max(1, Integer.parseInt(options.getOrDefault("rounds", ROUNDS_DEFAULT)));
                List<Round> measured = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Round r = round(round, n, options, timeout, kafka, jdbc, twilio, smtp, sms, email);
                    measured.add(r);
                    if (!r.complete()) {
                        break;
                    }
                }
                for (Round r : measured) {
                    log(
                            "Round %d: end to end %,.0f/s, bare %,.0f/s, ratio %.2f, first send %.2f s, JIT %.1f s / %.1f s",
                            r.number(),
                            r.e2eRate(),
                            r.bareRate(),
                            r.e2eRate() / r.bareRate(),
                            r.firstSend(),
                            r.e2eCompileSeconds(),
                            r.bareCompileSeconds());
                }
                Round last = measured.getLast();
                Round first = measured.getFirst();
                return new Result(
                        n,
                        last.e2eRate(),
                        last.bareRate(),
                        first.e2eRate() / first.bareRate(),
                        measured.size(),
                        last.firstSend(),
                        last.e2eSeconds(),
                        last.allRecorded(),
                        measured.stream().mapToLong(Round::peakUsed).max().orElseThrow() >> 20,
                        measured.stream().mapToLong(Round::peakAfterGc).max().orElseThrow() >> 20,
                        measured.stream().mapToLong(Round::peakCommitted).max().orElseThrow() >> 20,
                        measured.stream().mapToLong(Round::duplicates).sum(),
                        last.deliveries(),
                        last.loadE2e(),
                        last.loadBare(),
                        sms.concurrency(),
                        email.concurrency(),
                        last.e2eCpu(),
                        last.bareCpu(),
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                                        Instant.now().atOffset(ZoneOffset.UTC).withNano(0))
                                + (last.complete()
                                        ? ""
                                        : " PARTIAL: stopped after %.0f s".formatted(last.e2eSeconds())));
            } finally {
                dispatch.close();
            }
        }
    }

    /** One measured round: one national alert end to end, then the same number of messages bare. */
    private static Round round(
            int number,
            int n,
            Map<String, String> options,
            Duration timeout,
            TestInfrastructure.Kafka kafka,
            JdbcClient jdbc,
            CountingTwilioStub twilio,
            SmtpSink smtp,
            AlertChannel sms,
            AlertChannel email)
            throws Exception {
        log("Round %d", number);
        if (number > 1) {
            awaitQuietCompiler(Duration.ofSeconds(60));
        }
        twilio.acceptances().reset();
        smtp.acceptances().reset();
        System.gc();
        String loadBefore = loadAverage();
        CpuMeter cpu = new CpuMeter(jdbc);
        CpuMeter.Snapshot e2eCpuStart = cpu.snapshot();
        long e2eCompileStart = compileMillis();
        AlertEvent alert = alert();
        long publishedAt;
        long allSent;
        long recordedAt;
        long peakUsed;
        long peakAfterGc;
        long peakCommitted;
        CpuMeter.Usage e2eCpu;
        boolean complete;
        long sent;
        Duration limit = options.containsKey("e2e-limit-seconds")
                ? Duration.ofSeconds(Long.parseLong(options.get("e2e-limit-seconds")))
                : timeout;
        try (HeapMonitor heap = new HeapMonitor();
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            publishedAt = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.ALERTS, alert.alertId().toString(), EventJson.write(alert)))
                    .get(10, TimeUnit.SECONDS);
            complete = await("end to end", timeout, limit, publishedAt, twilio, smtp, n);
            allSent = complete
                    ? Math.max(
                            twilio.acceptances().lastNanos(), smtp.acceptances().lastNanos())
                    : System.nanoTime();
            sent = twilio.acceptances().count() + smtp.acceptances().count();
            e2eCpu = CpuMeter.between(e2eCpuStart, cpu.snapshot());
            if (complete) {
                await(
                        Duration.ofMinutes(5),
                        () -> jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ? AND status = 'SENT'")
                                        .param(alert.alertId())
                                        .query(Long.class)
                                        .single()
                                >= 2L * n);
            }
            recordedAt = System.nanoTime();
            peakUsed = heap.peakUsed();
            peakAfterGc = heap.peakAfterGc();
            peakCommitted = heap.peakCommitted();
        }
        String loadAfter = loadAverage();
        long e2eCompile = compileMillis() - e2eCompileStart;
        long firstSent = Math.min(
                positive(twilio.acceptances().firstNanos()),
                positive(smtp.acceptances().firstNanos()));
        Thread.sleep(1_000);
        long duplicates =
                complete ? twilio.acceptances().count() + smtp.acceptances().count() - 2L * n : -1;
        long deliveries = jdbc.sql("SELECT count(*) FROM delivery WHERE alert_id = ?")
                .param(alert.alertId())
                .query(Long.class)
                .single();
        double e2eSeconds = seconds(allSent - publishedAt);
        double e2eRate = sent / e2eSeconds;
        if (!complete) {
            log(
                    "Stopped after %.0f s as asked: %,d of %,d deliveries created, %,d sent (%,.0f/s since the"
                            + " first send)",
                    e2eSeconds, deliveries, 2L * n, sent, sent / seconds(allSent - firstSent));
        }
        log(
                "End to end: %,d deliveries in %.2f s = %,.0f/s (first send %.2f s, last %.2f s, all recorded %.2f s),"
                        + " duplicates %d, peak heap %d MiB used / %d MiB after GC, load %s -> %s",
                2L * n,
                e2eSeconds,
                e2eRate,
                seconds(firstSent - publishedAt),
                e2eSeconds,
                seconds(recordedAt - publishedAt),
                duplicates,
                peakUsed >> 20,
                peakAfterGc >> 20,
                loadBefore,
                loadAfter);

        // Bare limit.
        twilio.acceptances().reset();
        smtp.acceptances().reset();
        System.gc();
        String bareLoadBefore = loadAverage();
        CpuMeter.Snapshot bareCpuStart = cpu.snapshot();
        long bareCompileStart = compileMillis();
        int bareN = (int) (sent / 2);
        double bareSeconds = sendBare(sms, email, alert(), bareN, timeout, twilio, smtp);
        CpuMeter.Usage bareCpu = CpuMeter.between(bareCpuStart, cpu.snapshot());
        long bareCompile = compileMillis() - bareCompileStart;
        double bareRate = 2.0 * bareN / bareSeconds;
        String bareLoadAfter = loadAverage();
        log(
                "Bare: %,d messages in %.2f s = %,.0f/s, load %s -> %s",
                2L * bareN, bareSeconds, bareRate, bareLoadBefore, bareLoadAfter);
        log("Ratio end to end / bare: %.2f", e2eRate / bareRate);
        log("JIT compiler time: end to end %.1f s, bare %.1f s", e2eCompile / 1000.0, bareCompile / 1000.0);
        log(
                "CPU end to end: JVM %.1f s, PostgreSQL %.1f s, other processes %.1f s of %.1f s available",
                e2eCpu.jvm(), e2eCpu.postgres(), e2eCpu.others(), e2eCpu.machineCapacity());
        log(
                "CPU bare:       JVM %.1f s, PostgreSQL %.1f s, other processes %.1f s of %.1f s available",
                bareCpu.jvm(), bareCpu.postgres(), bareCpu.others(), bareCpu.machineCapacity());
        return new Round(
                number,
                complete,
                e2eRate,
                bareRate,
                seconds(firstSent - publishedAt),
                e2eSeconds,
                seconds(recordedAt - publishedAt),
                peakUsed,
                peakAfterGc,
                peakCommitted,
                duplicates,
                complete ? deliveries : sent,
                loadBefore + " → " + loadAfter,
                bareLoadBefore + " → " + bareLoadAfter,
                e2eCpu,
                bareCpu,
                e2eCompile / 1000.0,
                bareCompile / 1000.0);
    }

    record Round(
            int number,
            boolean complete,
            double e2eRate,
            double bareRate,
            double firstSend,
            double e2eSeconds,
            double allRecorded,
            long peakUsed,
            long peakAfterGc,
            long peakCommitted,
            long duplicates,
            long deliveries,
            String loadE2e,
            String loadBare,
            CpuMeter.Usage e2eCpu,
            CpuMeter.Usage bareCpu,
            double e2eCompileSeconds,
            double bareCompileSeconds) {}

    private static ConfigurableApplicationContext startDispatch(
            TestInfrastructure.Kafka kafka,
            TestInfrastructure.Database database,
            CountingTwilioStub twilio,
            SmtpSink smtp,
            Map<String, String> options) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--overdosevarsel.sms.provider=twilio",
                "--overdosevarsel.sms.twilio.account-sid=" + TwilioStub.ACCOUNT_SID,
                "--overdosevarsel.sms.twilio.auth-token=" + TwilioStub.AUTH_TOKEN,
                "--overdosevarsel.sms.twilio.from=+4759440000",
                "--overdosevarsel.sms.twilio.api-base-url=" + twilio.baseUrl(),
                "--overdosevarsel.sms.rate-per-second=0",
                "--overdosevarsel.email.provider=smtp",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.port()));
        options.forEach((key, value) -> {
            if (key.startsWith("dispatch.")) {
                args.add("--" + key.substring("dispatch.".length()) + "=" + value);
            }
        });
        return new SpringApplicationBuilder(AlertDispatchApplication.class).run(args.toArray(String[]::new));
    }

    /** Sends n messages per channel through the channel beans, each with its own bound on sends in flight. */
    private static double sendBare(
            AlertChannel sms,
            AlertChannel email,
            AlertEvent alert,
            int n,
            Duration timeout,
            CountingTwilioStub twilio,
            SmtpSink smtp)
            throws InterruptedException {
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread smsFeeder =
                    Thread.ofPlatform().start(() -> feed(senders, sms, alert, n, i -> SubscriberLoader.phone(i)));
            Thread emailFeeder =
                    Thread.ofPlatform().start(() -> feed(senders, email, alert, n, i -> SubscriberLoader.email(i)));
            smsFeeder.join();
            emailFeeder.join();
        }
        long end = System.nanoTime();
        if (twilio.acceptances().count() < n || smtp.acceptances().count() < n) {
            throw new IllegalStateException(
                    "bare run: the stubs accepted only " + twilio.acceptances().count() + " SMS and "
                            + smtp.acceptances().count() + " emails of " + n);
        }
        return seconds(end - start);
    }

    private static void feed(
            ExecutorService senders,
            AlertChannel channel,
            AlertEvent alert,
            int n,
            java.util.function.IntFunction<String> address) {
        Semaphore permits = new Semaphore(channel.concurrency());
        for (int i = 0; i < n; i++) {
            Recipient recipient =
                    new Recipient(i + 1, SubscriberLoader.subscriberId(i), address.apply(i), "nb", "bench-token-" + i);
            permits.acquireUninterruptibly();
            senders.submit(() -> {
                try {
                    SendResult result = channel.sendAlert(alert, recipient);
                    if (!(result instanceof SendResult.Accepted)) {
                        System.err.println("bare send not accepted: " + result);
                    }
                } finally {
                    permits.release();
                }
            });
        }
        permits.acquireUninterruptibly(channel.concurrency());
    }

    private static void awaitAlertListener(ConfigurableApplicationContext dispatch) throws InterruptedException {
        KafkaListenerEndpointRegistry registry = dispatch.getBean(KafkaListenerEndpointRegistry.class);
        await(Duration.ofMinutes(2), () -> {
            MessageListenerContainer container = registry.getListenerContainer("dispatch-alerts");
            return container != null
                    && container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty();
        });
    }

    /** True once both stubs have accepted n; false if the limit came first (a partial run, asked for). */
    private static boolean await(
            String phase, Duration timeout, Duration limit, long since, CountingTwilioStub twilio, SmtpSink smtp, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long stop = since + limit.toNanos();
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (twilio.acceptances().count() < n || smtp.acceptances().count() < n) {
            if (System.nanoTime() > stop && limit.compareTo(timeout) < 0) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        phase + ": timed out with " + twilio.acceptances().count() + " SMS and "
                                + smtp.acceptances().count() + " emails of " + n);
            }
            if (System.nanoTime() > nextReport) {
                log(
                        "  %s: %.0f s, %,d SMS, %,d emails, load %s",
                        phase,
                        seconds(System.nanoTime() - since),
                        twilio.acceptances().count(),
                        smtp.acceptances().count(),
                        loadAverage());
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static KafkaProducer<String, byte[]> producer(TestInfrastructure.Kafka kafka) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** One national alert, as alert-ingest would publish it. */
    static AlertEvent alert() {
        return alert(Severity.Severe, "NO");
    }

    static AlertEvent alert(Severity severity, String region) {
        Instant now = Instant.now();
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                UUID.randomUUID(),
                1,
                MsgType.Alert,
                AlertStatus.Actual,
                "koordinator@helsedirektoratet.no",
                now,
                severity,
                Urgency.Immediate,
                Certainty.Observed,
                List.of("protonitazen"),
                EvidenceSource.DRUG_CHECKING,
                now,
                now.plus(Duration.ofDays(14)),
                List.of(region),
                List.of(new AlertInfo(
                        "nb",
                        "Nitazener i heroin",
                        "Nitazener solgt som heroin over hele landet",
                        "Brunt pulver solgt som heroin inneholder protonitazen, et svært potent opioid.",
                        List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først"),
                        null)),
                null,
                List.of());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return options;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long positive(long nanos) {
        return nanos == 0 ? Long.MAX_VALUE : nanos;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * On 2 cores the C2 compiler thread takes one core for as long as it works. Without this wait it was still
     * compiling (the SDK, the stubs, dispatch's send path) for the first 50 s of the end-to-end phase, while the bare
     * phase, which runs later, found everything compiled. Waits until the compiler has been idle for 3 s.
     */
    private static void awaitQuietCompiler(Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long before = compileMillis();
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = compileMillis();
            quietSeconds = now - before < 50 ? quietSeconds + 1 : 0;
            before = now;
        }
        log(
                "JIT compiler quiet after %.1f s (total compile time so far %.1f s)",
                seconds(System.nanoTime() - start), compileMillis() / 1000.0);
    }

    private static void log(String format, Object... args) {
        System.out.println(
                "[bench " + Instant.now().atOffset(ZoneOffset.UTC).toLocalTime().withNano(0) + "] "
                        + String.format(Locale.ROOT, format, args));
    }

    private static String table(List<Result> results) {
        StringBuilder table = new StringBuilder();
        table.append("| N subscribers | deliveries (SMS+email) | e2e deliveries/s | bare deliveries/s"
                + " | ratio e2e/bare (last round) | ratio, round 1 | first send | last send | all recorded | peak heap used | peak heap after GC | duplicates"
                + " | load (1/5/15 min) e2e | load bare | concurrency SMS/email | finished (UTC) |\n");
        table.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|\n");
        for (Result r : results) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %,.0f | %,.0f | %.2f | %.2f | %.2f s | %.2f s | %.2f s | %,d MiB | %,d MiB | %d | %s | %s | %d/%d | %s |%n",
                    r.subscribers(),
                    r.deliveries(),
                    r.e2eRate(),
                    r.bareRate(),
                    r.e2eRate() / r.bareRate(),
                    r.firstRoundRatio(),
                    r.firstSend(),
                    r.lastSend(),
                    r.allRecorded(),
                    r.peakHeapUsedMiB(),
                    r.peakHeapAfterGcMiB(),
                    r.duplicates(),
                    r.loadE2e(),
                    r.loadBare(),
                    r.smsConcurrency(),
                    r.emailConcurrency(),
                    r.finished()));
        }
        table.append("\n| N subscribers | phase | CPU s JVM (dispatch+broker+stubs) | CPU s PostgreSQL (our backends)"
                + " | CPU s other processes | CPU s available (wall × cores) | JVM+PG ms per 1k deliveries |\n");
        table.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            for (var phase : List.of(Map.entry("end to end", r.e2eCpu()), Map.entry("bare", r.bareCpu()))) {
                CpuMeter.Usage u = phase.getValue();
                table.append(String.format(
                        Locale.ROOT,
                        "| %,d | %s | %.1f | %.1f | %.1f | %.1f | %,.0f |%n",
                        r.subscribers(),
                        phase.getKey(),
                        u.jvm(),
                        u.postgres(),
                        u.others(),
                        u.machineCapacity(),
                        (u.jvm() + u.postgres()) * 1000 * 1000 / r.deliveries()));
            }
        }
        return table.toString();
    }

    record Result(
            int subscribers,
            double e2eRate,
            double bareRate,
            double firstRoundRatio,
            int rounds,
            double firstSend,
            double lastSend,
            double allRecorded,
            long peakHeapUsedMiB,
            long peakHeapAfterGcMiB,
            long peakHeapCommittedMiB,
            long duplicates,
            long deliveries,
            String loadE2e,
            String loadBare,
            int smsConcurrency,
            int emailConcurrency,
            CpuMeter.Usage e2eCpu,
            CpuMeter.Usage bareCpu,
            String finished) {

        String line() {
            return RESULT_PREFIX
                    + String.join(
                            "|",
                            "" + subscribers,
                            "" + e2eRate,
                            "" + bareRate,
                            "" + firstRoundRatio,
                            "" + rounds,
                            "" + firstSend,
                            "" + lastSend,
                            "" + allRecorded,
                            "" + peakHeapUsedMiB,
                            "" + peakHeapAfterGcMiB,
                            "" + peakHeapCommittedMiB,
                            "" + duplicates,
                            "" + deliveries,
                            loadE2e,
                            loadBare,
                            "" + smsConcurrency,
                            "" + emailConcurrency,
                            usage(e2eCpu),
                            usage(bareCpu),
                            finished);
        }

        static Result parse(String line) {
            String[] f = line.substring(RESULT_PREFIX.length()).split("\\|");
            return new Result(
                    Integer.parseInt(f[0]),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]),
                    Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]),
                    Long.parseLong(f[8]),
                    Long.parseLong(f[9]),
                    Long.parseLong(f[10]),
                    Long.parseLong(f[11]),
                    Long.parseLong(f[12]),
                    f[13],
                    f[14],
                    Integer.parseInt(f[15]),
                    Integer.parseInt(f[16]),
                    usage(f[17]),
                    usage(f[18]),
                    f[19]);
        }

        private static String usage(CpuMeter.Usage u) {
            return u.jvm() + ";" + u.postgres() + ";" + u.machineBusy() + ";" + u.machineCapacity();
        }

        private static CpuMeter.Usage usage(String field) {
            String[] f = field.split(";");
            return new CpuMeter.Usage(
                    Double.parseDouble(f[0]),
                    Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
        }
    }
}
