package no.overdosevarsel.dispatch.channel.local;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Messages that were not sent because no provider is configured (standalone use): stored, logged with a clear label,
 * and listed on {@code /outbox}, so a person trying the service locally sees exactly what would have gone out.
 */
@Service
public class LocalOutbox {

    private static final Logger log = LoggerFactory.getLogger(LocalOutbox.class);

    private final JdbcClient jdbc;

    LocalOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message; returns an id in the form a provider would give. */
    public String record(Channel channel, String recipient, @Nullable String subject, String body) {
        long id = jdbc.sql(
                        "INSERT INTO local_outbox (channel, recipient, subject, body) VALUES (?, ?, ?, ?) RETURNING id")
                .params(channel.name(), recipient, subject, body)
                .query(Long.class)
                .single();
        log.info(
                "LOCAL OUTBOX (not sent, no provider configured) #{} {} to {}{}: {}",
                id,
                channel,
                recipient,
                subject == null ? "" : " [" + subject + "]",
                body.length() > 200 ? body.substring(0, 200) + "…" : body);
        return "local-" + id + "-" + UUID.randomUUID();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql(
                        "SELECT id, channel, recipient, subject, body, created_at FROM local_outbox ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getObject("created_at", Timestamp.class).toInstant()))
                .list();
    }

    /** One message in the local outbox. */
    public record Entry(
            long id,
            Channel channel,
            String recipient,
            @Nullable String subject,
            String body,
            Instant createdAt) {}
}
