package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import org.jspecify.annotations.Nullable;

/** What the admin API shows of subscribers: enough to help an organisation, no more. */
public final class AdminViews {

    private AdminViews() {}

    /**
     * What an administrator searches for; every criterion that is not null narrows the result.
     *
     * @param region subscribers with a region within this one (a county takes in its municipalities)
     * @param text part of the name, the organisation or a contact address (a phone number in any form)
     * @param page from 0
     */
    public record Search(
            @Nullable String region,
            @Nullable Channel channel,
            @Nullable SubscriberStatus status,
            @Nullable String text,
            int page,
            int size) {}

    public record Page(List<SubscriberSummary> items, int page, int size, long totalElements) {

        public Page {
            items = List.copyOf(items);
        }
    }

    /** A subscriber as an administrator sees them: contact addresses masked. */
    public record SubscriberSummary(
            UUID id,
            @Nullable String name,
            @Nullable String organisation,
            List<String> regions,
            SubscriberStatus status,
            String language,
            Severity minimumSeverity,
            List<ContactSummary> contactPoints,
            Instant createdAt,
            Instant updatedAt) {

        public SubscriberSummary {
            regions = List.copyOf(regions);
            contactPoints = List.copyOf(contactPoints);
        }
    }

    /**
     * @param address masked, see {@link MaskedAddresses}
     * @param addedBy the coordinator who added it on the person's behalf; null if the person gave it themselves
     */
    public record ContactSummary(
            Channel channel,
            String address,
            boolean verified,
            boolean optedOut,
            boolean undeliverable,
            @Nullable String addedBy) {}

    /**
     * Contact points of subscribers with this region, on this channel.
     *
     * @param pending not confirmed yet
     * @param verified confirmed by the person, whether or not alerts reach them now
     * @param active alerts reach them now: confirmed, not opted out, deliverable, subscriber active
     */
    public record RegionChannelCount(
            String region, String regionName, Channel channel, long pending, long verified, long active) {}
}
