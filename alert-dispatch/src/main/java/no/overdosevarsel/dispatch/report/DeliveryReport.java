package no.overdosevarsel.dispatch.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who an alert reached, version by version. Counts are keyed by delivery status in lower case ({@code pending},
 * {@code sending}, {@code sent}, {@code delivered}, {@code undelivered}, {@code failed}, {@code rejected},
 * {@code opted_out}); every known status is present, with 0 where none. Recipients are masked.
 */
public record DeliveryReport(UUID alertId, List<Version> versions) {

    /**
     * One published version.
     *
     * @param published when alert-ingest published it (CAP {@code sent})
     * @param fanOutCompleted when every delivery of this version had been created; null while fan-out runs, or when
     *     the version was not sent to anyone (Exercise, Test)
     * @param publicationToFirstSend ISO-8601 duration from publication to the first message a provider accepted
     * @param publicationToLastSend the same to the last one so far
     */
    public record Version(
            int version,
            String msgType,
            String status,
            String severity,
            String headline,
            List<String> regions,
            Instant published,
            @Nullable Instant fanOutCompleted,
            Counts deliveries,
            @Nullable String publicationToFirstSend,
            @Nullable String publicationToLastSend,
            List<ChannelCounts> channels,
            Failures failures) {}

    /**
     * @param retrying deliveries still pending or being sent after a failed attempt (included in {@code byStatus})
     * @param firstSent when a provider accepted the first message
     * @param lastSent when a provider accepted the latest message
     */
    public record Counts(
            long total,
            Map<String, Long> byStatus,
            long retrying,
            @Nullable Instant firstSent,
            @Nullable Instant lastSent) {}

    public record ChannelCounts(String channel, Counts deliveries) {}

    /**
     * Deliveries that will not arrive, by reason, and the first of them one by one.
     *
     * @param listed at most the requested number of failures, oldest first
     * @param truncated whether more failures exist than are listed
     */
    public record Failures(long total, List<ReasonCount> byReason, List<Failure> listed, boolean truncated) {}

    /** How many deliveries failed on one channel with one status and provider error code. */
    public record ReasonCount(
            String channel,
            String status,
            @Nullable String provider,
            @Nullable String errorCode,
            long count) {}

    /**
     * @param recipient the address, masked: the last two digits of a number, the first letter and domain of an email
     * @param message the provider's explanation, with any address in it masked
     */
    public record Failure(
            long deliveryId,
            String channel,
            String status,
            String recipient,
            int attempts,
            @Nullable String provider,
            @Nullable String errorCode,
            @Nullable String message) {}
}
