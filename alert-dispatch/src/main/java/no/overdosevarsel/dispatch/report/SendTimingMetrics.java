package no.overdosevarsel.dispatch.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time from publication to the first and to the last message of the most recently published alert (Actual status),
 * as gauges: the figures operators compare against "everyone within minutes". Read from the delivery table, so every
 * instance shows the same values; at most one query per {@link #REFRESH}, whatever the scrape rate, since the query
 * reads every delivery of that alert version.
 */
@Component
class SendTimingMetrics {

    static final Duration REFRESH = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Double.NaN, Double.NaN);

    SendTimingMetrics(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        TimeGauge.builder(
                        "overdosevarsel.alert.publication-to-first-send",
                        this,
                        TimeUnit.SECONDS,
                        metrics -> metrics.current().toFirst())
                .description("Latest alert: time from publication to the first message accepted by a provider")
                .register(registry);
        TimeGauge.builder(
                        "overdosevarsel.alert.publication-to-last-send",
                        this,
                        TimeUnit.SECONDS,
                        metrics -> metrics.current().toLast())
                .description("Latest alert: time from publication to the last message accepted by a provider so far")
                .register(registry);
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known.at().plus(REFRESH).isAfter(now)) {
            return known;
        }
        synchronized (this) {
            if (snapshot.at().plus(REFRESH).isAfter(now)) {
                return snapshot;
            }
            snapshot = jdbc.sql("""
                            SELECT extract(epoch FROM min(d.sent_at) - v.sent) AS to_first,
                                   extract(epoch FROM max(d.sent_at) - v.sent) AS to_last
                            FROM (SELECT alert_id, version, sent FROM alert_version
                                  WHERE status = 'Actual' ORDER BY sent DESC LIMIT 1) v
                            JOIN delivery d ON d.alert_id = v.alert_id AND d.alert_version = v.version
                            WHERE d.sent_at IS NOT NULL
                            GROUP BY v.sent
                            """)
                    .query((rs, n) -> new Snapshot(now, rs.getDouble("to_first"), rs.getDouble("to_last")))
                    .optional()
                    .orElse(new Snapshot(now, Double.NaN, Double.NaN));
            return snapshot;
        }
    }

    private record Snapshot(Instant at, double toFirst, double toLast) {}
}
