package no.overdosevarsel.contracts;

import java.util.List;
import java.util.Map;

/**
 * How each topic is created: the one place that says how many partitions a topic has and how it is cleaned up. The
 * apps create missing topics from these at start-up (Spring Kafka {@code KafkaAdmin}); {@code infra/} documents the
 * same list for brokers that forbid auto-creation.
 *
 * @param replicationFactor -1 means the broker's default (1 on a single node, 3 in production)
 */
public record TopicDefinition(String name, int partitions, short replicationFactor, Map<String, String> config) {

    /** Partitions bound how many dispatch instances can share the work. */
    public static final int DEFAULT_PARTITIONS = 6;

    public static final TopicDefinition ALERTS = new TopicDefinition(
            Topics.ALERTS, DEFAULT_PARTITIONS, (short) -1, Map.of("cleanup.policy", "delete", "retention.ms", "-1"));

    public static final TopicDefinition SUBSCRIPTIONS = new TopicDefinition(
            Topics.SUBSCRIPTIONS,
            DEFAULT_PARTITIONS,
            (short) -1,
            Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "delete.retention.ms", "86400000"));

    public static final TopicDefinition DIRECT_MESSAGES = new TopicDefinition(
            Topics.DIRECT_MESSAGES,
            DEFAULT_PARTITIONS,
            (short) -1,
            Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));

    public static final TopicDefinition CONTACT_FEEDBACK = new TopicDefinition(
            Topics.CONTACT_FEEDBACK,
            DEFAULT_PARTITIONS,
            (short) -1,
            Map.of("cleanup.policy", "delete", "retention.ms", "2592000000"));

    public TopicDefinition {
        config = Map.copyOf(config);
    }

    public static List<TopicDefinition> all() {
        return List.of(ALERTS, SUBSCRIPTIONS, DIRECT_MESSAGES, CONTACT_FEEDBACK);
    }

    /**
     * The dead-letter topic of this topic: same partitions, so a record keeps its partition. Parked records may hold
     * personal data (subscriber snapshots, addresses), so they are kept 7 days: long enough to act on, short enough
     * that erasure catches up.
     */
    public TopicDefinition deadLetter() {
        return new TopicDefinition(
                Topics.deadLetter(name), partitions, replicationFactor, Map.of("retention.ms", "604800000"));
    }
}
