package no.overdosevarsel.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Puts subscribers straight into dispatch's copy of them with COPY, as if subscriber-api had published them: each
 * active, language nb, one region (a municipality, a county or the whole country, in turn) and two verified contact
 * points, an SMS number and an email address.
 */
final class SubscriberLoader {

    private static final String[] REGIONS = {"0301", "NO-03", "NO", "4601", "NO-46", "5001"};
    private static final int CHUNK = 10_000;

    private SubscriberLoader() {}

    static UUID subscriberId(int i) {
        return new UUID(0x62656e6368L, i);
    }

    static String phone(int i) {
        return "+47" + (40_000_000 + i);
    }

    static String email(int i) {
        return "subscriber" + i + "@bench.example";
    }

    /**
     * Loads subscribers number {@code from} to {@code from + count - 1}. With a region given they all live there and
     * take every severity (the warm-up audience); otherwise they take Moderate and up, so a Minor warm-up alert passes
     * them by.
     */
    static void load(DataSource dataSource, int from, int count, @Nullable String region) throws SQLException {
        int rank = region == null ? 1 : 0;
        try (Connection connection = dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            copy(
                    pg,
                    "COPY dispatch.subscriber (id, revision, active, language, min_severity_rank, unsubscribe_token,"
                            + " updated_at) FROM STDIN",
                    from,
                    count,
                    i -> subscriberId(i) + "\t1\tt\tnb\t" + rank + "\tbench-token-" + i + "\t2026-01-01 00:00:00+00\n");
            copy(
                    pg,
                    "COPY dispatch.subscriber_region (subscriber_id, region_code) FROM STDIN",
                    from,
                    count,
                    i -> subscriberId(i) + "\t" + (region != null ? region : REGIONS[i % REGIONS.length]) + "\n");
            copy(
                    pg,
                    "COPY dispatch.contact_point (subscriber_id, channel, address) FROM STDIN",
                    from,
                    count,
                    i -> subscriberId(i) + "\tSMS\t" + phone(i) + "\n" + subscriberId(i) + "\tEMAIL\t" + email(i)
                            + "\n");
            connection.commit();
            connection.setAutoCommit(autoCommit);
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE dispatch.subscriber");
                statement.execute("VACUUM ANALYZE dispatch.subscriber_region");
                statement.execute("VACUUM ANALYZE dispatch.contact_point");
            }
        }
    }

    private static void copy(PGConnection pg, String sql, int from, int rows, IntFunction<String> row)
            throws SQLException {
        CopyIn copy = pg.getCopyAPI().copyIn(sql);
        try {
            StringBuilder chunk = new StringBuilder(CHUNK * 80);
            for (int i = 0; i < rows; i++) {
                chunk.append(row.apply(from + i));
                if ((i + 1) % CHUNK == 0 || i == rows - 1) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
