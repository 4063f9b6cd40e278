package no.overdosevarsel.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import no.overdosevarsel.testinfra.TestInfrastructure;
import no.overdosevarsel.testinfra.TwilioStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dispatch instance stopped in the middle of a 1 000-recipient fan-out, and a new one started on the same database
 * and broker: every recipient gets the SMS exactly once.
 */
class DispatchRestartIntegrationTests {

    static final int RECIPIENTS = 1_000;

    static TestInfrastructure.Kafka kafka;
    static TestInfrastructure.Database database;
    static TwilioStub twilio;

    @BeforeAll
    static void infrastructure() {
        kafka = TestInfrastructure.startKafka();
        database = TestInfrastructure.createDatabase();
        twilio = new TwilioStub();
    }

    @AfterAll
    static void tearDown() {
        twilio.close();
        kafka.close();
        database.close();
    }

    @Test
    void restartInTheMiddleOfAFanOutReachesEveryRecipientExactlyOnce() {
        ConfigurableApplicationContext first = start();
        JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
        try (DispatchTestSupport producer = new DispatchTestSupport(kafka.bootstrapServers())) {
            for (int i = 0; i < RECIPIENTS; i++) {
                producer.publishSubscriber(smsSubscriber("+479%07d".formatted(i), "0301"));
            }
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> jdbc.sql("SELECT count(*) FROM subscriber")
                                    .query(Long.class)
                                    .single()
                            == RECIPIENTS);

            AlertEvent alert = DispatchTestSupport.alert("Restart test", "NO-03");
            producer.publishAlert(alert);
            await().atMost(Duration.ofSeconds(60)).until(() -> twilio.acceptedCount() >= RECIPIENTS / 5);
            first.close();

            long sentBeforeRestart = twilio.acceptedCount();
            assertThat(sentBeforeRestart).isLessThan(RECIPIENTS);

            ConfigurableApplicationContext second = start();
            try {
                // The same record again, as if the first instance had died before committing its offset.
                producer.publishAlert(alert);
                await().atMost(Duration.ofSeconds(120)).until(() -> twilio.acceptedCount() >= RECIPIENTS);
                JdbcClient jdbc2 = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> jdbc2.sql("SELECT count(*) FROM delivery WHERE status = 'SENT'")
                                        .query(Long.class)
                                        .single()
                                == RECIPIENTS);
            } finally {
                second.close();
            }
        }
        Map<String, Long> perRecipient = twilio.messages().stream()
                .map(message -> message.get("To"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRecipient).hasSize(RECIPIENTS);
        assertThat(perRecipient.values()).allMatch(count -> count == 1);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AlertDispatchApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--overdosevarsel.sms.provider=twilio",
                        "--overdosevarsel.sms.twilio.account-sid=" + TwilioStub.ACCOUNT_SID,
                        "--overdosevarsel.sms.twilio.auth-token=" + TwilioStub.AUTH_TOKEN,
                        "--overdosevarsel.sms.twilio.from=+4759440000",
                        "--overdosevarsel.sms.twilio.api-base-url=" + twilio.baseUrl(),
                        // Slow enough that the first instance is stopped with most of the fan-out still to send.
                        "--overdosevarsel.sms.rate-per-second=100",
                        "--overdosevarsel.email.provider=local");
    }

    private static SubscriptionEvent smsSubscriber(String phone, String region) {
        return new SubscriptionEvent(
                SubscriptionEvent.SCHEMA_VERSION,
                UUID.randomUUID(),
                1,
                SubscriberStatus.ACTIVE,
                "nb",
                Severity.Minor,
                List.of(region),
                List.of(new ContactPoint(Channel.SMS, phone)),
                "token",
                Instant.now());
    }
}
