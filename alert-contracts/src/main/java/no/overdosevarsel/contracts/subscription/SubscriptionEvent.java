package no.overdosevarsel.contracts.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.Severity;

/**
 * The full current state of one subscriber, sent on the log-compacted {@code subscriptions} topic keyed by
 * {@code subscriberId}. The latest snapshot replaces every earlier one; a null value (tombstone) means the subscriber
 * was erased and every copy must be deleted.
 *
 * @param revision increases with every change, so a consumer can ignore a stale snapshot
 * @param contactPoints verified, active contact points only
 * @param regions region codes from the catalogue
 * @param unsubscribeToken signed by subscriber-api; dispatch puts it in unsubscribe links and never interprets it
 */
public record SubscriptionEvent(
        int schemaVersion,
        UUID subscriberId,
        long revision,
        SubscriberStatus status,
        String language,
        Severity minimumSeverity,
        List<String> regions,
        List<ContactPoint> contactPoints,
        String unsubscribeToken,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public SubscriptionEvent {
        regions = List.copyOf(regions);
        contactPoints = List.copyOf(contactPoints);
    }
}
