package no.overdosevarsel.subscriber.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.TopicReader;
import no.overdosevarsel.testinfra.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Same configuration as the other integration tests, so the same context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class UnconfirmedSubscribersIntegrationTests {

    @Autowired
    private SubscriptionService subscriptions;

    @Autowired
    private UnconfirmedSubscribers sweep;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void subscribersNeverConfirmedAreErasedAfterTheirRetentionAndOthersAreKept() {
        SubscriberId stale = subscribe("+4741" + digits());
        SubscriberId recent = subscribe("+4741" + digits());
        SubscriberId confirmedLongAgo = subscribe("+4741" + digits());
        age(stale);
        age(confirmedLongAgo);
        jdbc.sql("UPDATE contact_point SET verified_at = now() - interval '8 days' WHERE subscriber_id = :id")
                .param("id", confirmedLongAgo.value())
                .update();

        sweep.sweep();

        assertThat(exists(stale)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(confirmedLongAgo)).isTrue();
        try (TopicReader kafka = new TopicReader(bootstrapServers, Topics.SUBSCRIPTIONS)) {
            kafka.awaitTombstone(Topics.SUBSCRIPTIONS, stale.toString());
        }
    }

    private SubscriberId subscribe(String phone) {
        return subscriptions
                .subscribe(new NewSubscriber(
                        "Kari", null, Map.of(Channel.SMS, phone), List.of("0301"), Language.NB, Severity.Minor))
                .id();
    }

    private void age(SubscriberId id) {
        jdbc.sql("UPDATE subscriber SET created_at = now() - interval '8 days' WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    private boolean exists(SubscriberId id) {
        return jdbc.sql("SELECT count(*) FROM subscriber WHERE id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static String digits() {
        return "%06d".formatted(Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
    }
}
