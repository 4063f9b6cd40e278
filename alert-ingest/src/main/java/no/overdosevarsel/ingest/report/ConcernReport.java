package no.overdosevarsel.ingest.report;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A concern reported by the public, as coordinators see it.
 *
 * @param observed what was seen, in the reporter's words (plain text)
 * @param region where, a code from the catalogue
 * @param seenAt when, if the reporter said
 * @param contact how to reach the reporter, only if they chose to say
 * @param alertId the draft alert started from it
 */
public record ConcernReport(
        UUID id,
        Instant receivedAt,
        String observed,
        String region,
        @Nullable Instant seenAt,
        @Nullable String contact,
        ReportStatus status,
        @Nullable UUID alertId,
        @Nullable String triagedBy,
        @Nullable Instant triagedAt,
        @Nullable String note) {}
