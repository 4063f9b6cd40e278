package no.overdosevarsel.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneInfrastructureIntegrationTests {

    private static final String TOPIC = "standalone-restart";

    @TempDir
    Path dataDirectory;

    @Test
    void keepsTopicsRecordsAndRowsAcrossARestartOnTheSameDataDirectory() throws Exception {
        var settings = StandaloneInfrastructure.Settings.onFreePorts(dataDirectory);
        String clusterId;

        try (var infrastructure = StandaloneInfrastructure.start(settings)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
                        .all()
                        .get();
                clusterId = admin.describeCluster().clusterId().get();
            }
            produce(infrastructure, "alert-1", "published");
            assertThat(consumeFromBeginning(infrastructure, 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("alert-1", "published"));
            try (Connection connection = connect(infrastructure);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE delivery (id text PRIMARY KEY, status text NOT NULL)");
                statement.execute("INSERT INTO delivery VALUES ('delivery-1', 'sent')");
            }
        }

        try (var infrastructure = StandaloneInfrastructure.start(settings)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().clusterId().get())
                        .as("the log directory is not formatted again")
                        .isEqualTo(clusterId);
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(consumeFromBeginning(infrastructure, 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("alert-1", "published"));
            try (Connection connection = connect(infrastructure);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id, status FROM delivery")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("id")).isEqualTo("delivery-1");
                assertThat(rows.getString("status")).isEqualTo("sent");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void refusesASecondInstanceOnTheSameDataDirectoryAndLeavesTheFirstRunning() throws Exception {
        try (var infrastructure =
                StandaloneInfrastructure.start(StandaloneInfrastructure.Settings.onFreePorts(dataDirectory))) {
            var second = StandaloneInfrastructure.Settings.onFreePorts(dataDirectory);

            assertThatIllegalStateException()
                    .isThrownBy(() -> StandaloneInfrastructure.start(second))
                    .withMessageContaining("Another Overdosevarsel standalone process uses");
            try (Connection connection = connect(infrastructure);
                    Statement statement = connection.createStatement();
                    ResultSet database = statement.executeQuery("SELECT current_database()")) {
                assertThat(database.next()).isTrue();
                assertThat(database.getString(1)).isEqualTo("overdosevarsel");
            }
        }
    }

    private static void produce(StandaloneInfrastructure infrastructure, String key, String value)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeFromBeginning(
            StandaloneInfrastructure infrastructure, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            var partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static Connection connect(StandaloneInfrastructure infrastructure) throws SQLException {
        return DriverManager.getConnection(
                infrastructure.jdbcUrl(), infrastructure.databaseUsername(), infrastructure.databasePassword());
    }
}
