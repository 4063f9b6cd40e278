package no.overdosevarsel.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM, built from Kafka's own
 * server classes. Its log directory is formatted once; later starts find {@code meta.properties} and keep every topic
 * and record.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Path logDirectory, int port, int controllerPort) {
        long started = System.nanoTime();
        Path directory = logDirectory.toAbsolutePath();
        KafkaConfig config = KafkaConfig.fromProps(properties(directory, port, controllerPort), false);
        formatOnce(directory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // returns once the broker is unfenced, i.e. serves clients
            server.startup();
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        log.info("Kafka broker serves {}:{} ({} ms)", HOST, port, (System.nanoTime() - started) / 1_000_000);
        return new KafkaBroker(server, HOST + ":" + port);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Controlled shutdown: the broker hands off and flushes its logs before this returns. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties properties(Path logDirectory, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        // a static voter set: nothing about the controller's address is written into the log, so its port can change
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        // one node: every internal topic has one replica
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        // the apps create their topics from TopicDefinition; a typo must not create a topic
        properties.put("auto.create.topics.enable", "false");
        // no other consumer is coming to join, so do not wait for one
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("broker.heartbeat.interval.ms", "500");
        // the compacted topics are small; the 128 MiB default would all be taken from the apps' heap
        properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return properties;
    }

    private static void formatOnce(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            log.info("Kafka log directory {} is formatted; keeping its topics", logDirectory);
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDirectory, e);
        }
        log.info("Formatted Kafka log directory {}", logDirectory);
    }
}
