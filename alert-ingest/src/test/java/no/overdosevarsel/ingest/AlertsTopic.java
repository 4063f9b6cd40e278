package no.overdosevarsel.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.overdosevarsel.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the {@code alerts} topic with a plain consumer, as any other service would, without a consumer group. */
public final class AlertsTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Set<TopicPartition> partitions;

    public AlertsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
        partitions = Set.copyOf(consumer.partitionsFor(Topics.ALERTS, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList());
        consumer.assign(partitions);
    }

    /** Every record on the topic right now, from the beginning of each partition to its current end. */
    public List<ConsumerRecord<String, String>> readAll() {
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + Topics.ALERTS + " to its end " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
