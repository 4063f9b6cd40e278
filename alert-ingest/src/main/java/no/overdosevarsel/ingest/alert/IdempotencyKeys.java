package no.overdosevarsel.ingest.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_keys} table: per coordinator, which alert a key created and from which request. */
@Repository
class IdempotencyKeys {

    record Claim(String requestHash, AlertId alertId) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a new alert; if it was claimed before (or is being claimed by a concurrent request, which this
     * waits for), returns that earlier claim instead.
     */
    Optional<Claim> claim(String actor, String key, String requestHash, AlertId alertId, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO idempotency_keys (actor, key, request_hash, alert_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
                .params(actor, key, requestHash, alertId.value(), AlertRepository.utc(now))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT request_hash, alert_id FROM idempotency_keys WHERE actor = ? AND key = ?")
                .params(actor, key)
                .query((rs, n) ->
                        new Claim(rs.getString("request_hash"), new AlertId(rs.getObject("alert_id", UUID.class))))
                .single());
    }
}
