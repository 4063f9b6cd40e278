package no.overdosevarsel.subscriber;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import no.overdosevarsel.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning with a plain consumer, as any other service would: no consumer group, every
 * partition assigned, records kept so that a test can look for the ones it caused.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits for the first record on the topic with this key whose value matches. */
    <T> T awaitValue(String topic, String key, Class<T> type, Predicate<T> matching) {
        return await().atMost(PATIENCE)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> poll().find(topic, key, type, matching), Optional::isPresent)
                .orElseThrow();
    }

    <T> T awaitValue(String topic, String key, Class<T> type) {
        return awaitValue(topic, key, type, value -> true);
    }

    /** Waits for a record on the topic with this key and no value: a tombstone. */
    public void awaitTombstone(String topic, String key) {
        await().atMost(PATIENCE)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> poll().records.stream()
                        .anyMatch(r -> r.topic().equals(topic) && r.key().equals(key) && r.value() == null));
    }

    /** Reads every record published until now. */
    TopicReader readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(PATIENCE)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> poll().consumer.assignment().stream()
                        .allMatch(partition -> consumer.position(partition) >= end.get(partition)));
        return this;
    }

    /** The values of all records read so far with this key on this topic, in the order read. */
    <T> List<T> values(String topic, String key, Class<T> type) {
        return records.stream()
                .filter(r -> r.topic().equals(topic) && r.key().equals(key) && r.value() != null)
                .map(r -> EventJson.read(r.value(), type))
                .toList();
    }

    private <T> Optional<T> find(String topic, String key, Class<T> type, Predicate<T> matching) {
        return values(topic, key, type).stream().filter(matching).findFirst();
    }

    private TopicReader poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return this;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
