package no.overdosevarsel.ingest.report.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limit on public concern reports per client (by network address, held in memory only and never stored).
 *
 * @param perClient reports one client may send per period
 * @param period the length of a period
 */
@ConfigurationProperties("overdosevarsel.reports.rate-limit")
record ReportProperties(
        @DefaultValue("5") int perClient,
        @DefaultValue("10m") Duration period) {

    ReportProperties {
        if (perClient < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("overdosevarsel.reports.rate-limit needs per-client >= 1 and a period");
        }
    }
}
