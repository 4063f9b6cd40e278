package no.overdosevarsel.testinfra;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Where a Docker engine runs: containers connected through {@code @ServiceConnection}. */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(DockerAvailableCondition.class)
class ContainersConfiguration {

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return new KafkaContainer(TestInfrastructure.KAFKA_IMAGE);
    }

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(TestInfrastructure.POSTGRES_IMAGE);
    }
}
