package no.overdosevarsel.subscriber.ratelimit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.overdosevarsel.subscriber.security.Signer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Windows in PostgreSQL, shared by every instance and kept over a restart: for the buckets that protect a person, whose
 * limit must not grow with the number of instances. Each count is one atomic upsert, so instances cannot race; the row
 * holds a keyed hash of the address, never the address, and is deleted by {@link ExpiredWindowSweep} once its window
 * has ended. Inside a caller's transaction the count joins it (and its row lock is held until it ends).
 */
@Component
class DatabaseWindows implements WindowStore {

    /** The HMAC purpose of stored keys: a hash made here is worthless as any token or code hash, and vice versa. */
    static final String KEY_PURPOSE = "rate-limit-key";

    private final JdbcClient jdbc;
    private final Signer signer;

    DatabaseWindows(JdbcClient jdbc, Signer signer) {
        this.jdbc = jdbc;
        this.signer = signer;
    }

    @Override
    public Window count(Bucket bucket, String key, Limit limit, Instant now) {
        // The SET expressions see the row as it was: an ended window restarts at 1, a running one counts up to the cap.
        return jdbc.sql("""
                        INSERT INTO rate_limit_window AS w (bucket, key_hash, window_end, count)
                        VALUES (:bucket, :keyHash, :newEnd, 1)
                        ON CONFLICT (bucket, key_hash) DO UPDATE SET
                            window_end = CASE WHEN w.window_end <= :now THEN EXCLUDED.window_end ELSE w.window_end END,
                            count = CASE WHEN w.window_end <= :now THEN 1 ELSE least(w.count + 1, :cap) END
                        RETURNING window_end, count""")
                .param("bucket", bucket.name())
                .param("keyHash", keyHash(key))
                .param("newEnd", utc(now.plus(limit.period())))
                .param("now", utc(now))
                .param("cap", limit.permits() + 1)
                .query((rs, row) -> new Window(
                        rs.getObject("window_end", OffsetDateTime.class).toInstant(), rs.getInt("count")))
                .single();
    }

    /** Deletes every window that has ended by {@code now}; returns how many. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM rate_limit_window WHERE window_end <= :now")
                .param("now", utc(now))
                .update();
    }

    byte[] keyHash(String key) {
        return signer.mac(KEY_PURPOSE, key);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
