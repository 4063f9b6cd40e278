package no.overdosevarsel.ingest.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One line of an alert's audit log: who did what when, the states it left the alert in, and the details (changed
 * fields with old and new values, a reason, the version published).
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        Publication publication,
        Review review,
        int revision,
        Map<String, Object> details) {}
