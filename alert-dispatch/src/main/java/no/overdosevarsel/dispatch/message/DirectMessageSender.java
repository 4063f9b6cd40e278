package no.overdosevarsel.dispatch.message;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one-off messages and retries those the provider could not take yet, with exponential backoff, until they are
 * sent, refused for good, or past their {@code notAfter} (an expired verification code is noise). Pending rows are
 * claimed with {@code SKIP LOCKED}, so several dispatch instances share the retries. The address and text are
 * forgotten once the message is settled.
 */
@Component
class DirectMessageSender {

    private static final Logger log = LoggerFactory.getLogger(DirectMessageSender.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<Channel, AlertChannel> channels;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;

    DirectMessageSender(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            List<AlertChannel> channels,
            DeliveryOutcomes outcomes,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.channels = channels.stream().collect(Collectors.toMap(AlertChannel::channel, Function.identity()));
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Sends the message now; {@code attempt} counts from 1. */
    void attempt(DirectMessage message, int attempt) {
        if (clock.instant().isAfter(message.notAfter())) {
            settle(message.messageId(), "EXPIRED", null, "not sent before " + message.notAfter());
            return;
        }
        AlertChannel channel = channels.get(message.channel());
        if (channel == null) {
            settle(message.messageId(), "REJECTED", null, "no channel " + message.channel());
            return;
        }
        SendResult result;
        try {
            result = channel.sendDirect(message);
        } catch (RuntimeException e) {
            result = new SendResult.RetryLater(e.getClass().getSimpleName(), null);
        }
        switch (result) {
            case SendResult.Accepted accepted -> settle(message.messageId(), "SENT", accepted.providerId(), null);
            case SendResult.Rejected rejected -> {
                settle(message.messageId(), "REJECTED", null, rejected.reason());
                outcomes.directMessageRejected(message.channel(), message.to(), rejected.reason(), rejected.optedOut());
            }
            case SendResult.RetryLater retry -> {
                Duration delay = retry.after() != null ? retry.after() : backoff(attempt);
                log.warn(
                        "Direct message {} not sent yet ({}), retrying in {}",
                        message.messageId(),
                        retry.reason(),
                        delay);
                jdbc.sql(
                                "UPDATE direct_message SET attempts = ?, failure_reason = ?, next_attempt_at = ? WHERE message_id = ?")
                        .params(
                                attempt,
                                retry.reason(),
                                Timestamp.from(clock.instant().plus(delay)),
                                message.messageId())
                        .update();
            }
        }
    }

    /** Retries messages whose time has come; each claimed in its own short transaction. */
    @Scheduled(fixedDelayString = "${overdosevarsel.direct-messages.retry-interval:1s}")
    void retryDue() {
        for (int i = 0; i < 100; i++) {
            Due due = transactions.execute(status -> jdbc.sql("""
                            UPDATE direct_message SET next_attempt_at = now() + interval '5 minutes'
                            WHERE message_id = (SELECT message_id FROM direct_message
                                                WHERE status = 'PENDING' AND next_attempt_at <= now()
                                                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                            RETURNING payload, attempts
                            """)
                    .query((rs, n) -> new Due(rs.getString(1), rs.getInt(2)))
                    .optional()
                    .orElse(null));
            if (due == null || due.payload() == null) {
                return;
            }
            attempt(
                    EventJson.read(due.payload().getBytes(StandardCharsets.UTF_8), DirectMessage.class),
                    due.attempts() + 1);
        }
    }

    private void settle(UUID messageId, String status, @Nullable String providerId, @Nullable String reason) {
        jdbc.sql("""
                        UPDATE direct_message SET status = ?, provider_id = ?, failure_reason = ?, sent_at = now(),
                            payload = NULL
                        WHERE message_id = ?
                        """).params(status, providerId, reason, messageId).update();
    }

    private static Duration backoff(int attempt) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    private record Due(@Nullable String payload, int attempts) {}
}
