package no.overdosevarsel.platform.kafka;

import java.util.List;
import no.overdosevarsel.contracts.TopicDefinition;
import no.overdosevarsel.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Topics from {@link TopicDefinition} (created if missing, with their dead-letter topics), a dead-letter error handler
 * for every listener, and Kafka health.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class KafkaPlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPlatformConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics overdosevarselTopics() {
        List<NewTopic> topics = TopicDefinition.all().stream()
                .flatMap(definition -> java.util.stream.Stream.of(definition, definition.deadLetter()))
                .map(KafkaPlatformConfiguration::newTopic)
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(TopicDefinition definition) {
        NewTopic topic = new NewTopic(
                definition.name(),
                java.util.Optional.of(definition.partitions()),
                definition.replicationFactor() < 0
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(definition.replicationFactor()));
        return topic.configs(definition.config());
    }

    /**
     * Retries a failing record a few times with backoff, then parks it on the topic's dead-letter topic (same partition)
     * so that one poison record never blocks the others. Unparseable records go there at once.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(15_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    log.error(
                            "Parking record {}-{}@{} on the dead-letter topic: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.toString());
                    recoverer.accept(record, e);
                },
                backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin);
    }
}
