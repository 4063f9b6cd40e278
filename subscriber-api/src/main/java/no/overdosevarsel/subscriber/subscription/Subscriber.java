package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.contracts.subscription.SubscriptionEvent;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber and everything alerts are sent by: regions, contact points, language, severity threshold, status. Every
 * change that a snapshot shows raises the revision, so consumers can drop a stale snapshot.
 */
final class Subscriber {

    private static final Comparator<Contact> BY_CHANNEL = Comparator.comparing(Contact::channel);

    private final SubscriberId id;
    private final @Nullable String name;
    private final @Nullable String organisation;
    private Language language;
    private Severity minimumSeverity;
    private SubscriberStatus status;
    /** Canonical codes in code order, so that snapshots of the same regions are equal. */
    private List<String> regions;

    private final List<Contact> contacts;
    private final Instant createdAt;
    private long revision;
    private Instant updatedAt;

    Subscriber(
            SubscriberId id,
            @Nullable String name,
            @Nullable String organisation,
            Language language,
            Severity minimumSeverity,
            SubscriberStatus status,
            long revision,
            List<String> regions,
            List<Contact> contacts,
            Instant createdAt,
            Instant updatedAt) {
        if (contacts.isEmpty() || regions.isEmpty()) {
            throw new IllegalArgumentException("a subscriber needs a contact point and a region");
        }
        this.id = id;
        this.name = name;
        this.organisation = organisation;
        this.language = language;
        this.minimumSeverity = minimumSeverity;
        this.status = status;
        this.revision = revision;
        this.regions = regions.stream().distinct().sorted().toList();
        this.contacts = new ArrayList<>(contacts);
        this.contacts.sort(BY_CHANNEL);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new, active subscriber at revision 1 whose contact points all wait for verification.
     *
     * @throws IllegalArgumentException for an address that is not valid for its channel, or a region not in the
     *     catalogue: input must have been validated before
     */
    static Subscriber register(NewSubscriber request, RegionCatalogue catalogue, Instant now) {
        List<Contact> contacts = new ArrayList<>();
        for (Map.Entry<Channel, String> contact : request.contacts().entrySet()) {
            Channel channel = contact.getKey();
            String address = ContactAddresses.normalise(channel, contact.getValue())
                    .orElseThrow(() -> new IllegalArgumentException("not a valid address for " + channel));
            contacts.add(Contact.unverified(channel, address, now));
        }
        List<String> regions = request.regions().stream()
                .map(catalogue::require)
                .map(Region::code)
                .toList();
        String organisation =
                request.organisation() == null || request.organisation().isBlank()
                        ? null
                        : request.organisation().strip();
        return new Subscriber(
                SubscriberId.random(),
                request.name().strip(),
                organisation,
                request.language(),
                request.minimumSeverity(),
                SubscriberStatus.ACTIVE,
                1,
                regions,
                contacts,
                now,
                now);
    }

    /**
     * A new, active subscriber made by an SMS keyword: no name, the one region, the sender's number waiting for
     * verification, the lowest severity threshold.
     *
     * @param number in E.164
     */
    static Subscriber byKeyword(String number, Region region, Language language, Instant now) {
        return new Subscriber(
                SubscriberId.random(),
                null,
                null,
                language,
                Severity.Minor,
                SubscriberStatus.ACTIVE,
                1,
                List.of(region.code()),
                List.of(Contact.unverified(Channel.SMS, number, now)),
                now,
                now);
    }

    Optional<Contact> contact(Channel channel) {
        return contacts.stream().filter(c -> c.channel() == channel).findFirst();
    }

    /**
     * Records that the person proved they hold the contact point on this channel.
     *
     * @return false if it was verified already: nothing changed
     */
    boolean markVerified(Channel channel, Instant now) {
        Contact contact = contact(channel)
                .orElseThrow(
                        () -> new IllegalArgumentException("subscriber " + id + " has no " + channel + " contact"));
        if (contact.verified()) {
            return false;
        }
        contacts.replaceAll(c -> c.id().equals(contact.id()) ? c.verifiedAt(now) : c);
        revision++;
        updatedAt = now;
        return true;
    }

    /**
     * The person withdrew consent for this address: alerts stop reaching it until they resume.
     *
     * @return false if nothing changed (no such contact point, or opted out already)
     */
    boolean optOut(Channel channel, String address, Instant now) {
        return change(c -> c.reaches(channel, address) && !c.optedOut(), c -> c.optedOutAt(now), now);
    }

    /** As {@link #optOut(Channel, String, Instant)} for every address on the channel. */
    boolean optOut(Channel channel, Instant now) {
        return change(c -> c.channel() == channel && !c.optedOut(), c -> c.optedOutAt(now), now);
    }

    /**
     * The person asked to get alerts again at an address they had confirmed and then opted out of. An address never
     * verified stays unverified: resuming is no way around double opt-in.
     *
     * @return false if nothing changed
     */
    boolean resume(Channel channel, String address, Instant now) {
        return change(c -> c.reaches(channel, address) && c.verified() && c.optedOut(), c -> c.optedOutAt(null), now);
    }

    /**
     * The provider said this address can never be delivered to.
     *
     * @return false if nothing changed
     */
    boolean markUndeliverable(Channel channel, String address, Instant now) {
        return change(
                c -> c.reaches(channel, address) && c.undeliverableAt() == null, c -> c.undeliverableAt(now), now);
    }

    private boolean change(Predicate<Contact> which, UnaryOperator<Contact> how, Instant now) {
        boolean changed = false;
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (which.test(contact)) {
                contacts.set(i, how.apply(contact));
                changed = true;
            }
        }
        if (changed) {
            revision++;
            updatedAt = now;
        }
        return changed;
    }

    /**
     * The person changed what they get: each argument that is not null replaces the current value.
     *
     * @param regionCodes codes from the catalogue, at least one
     * @return false if nothing changed
     */
    boolean changePreferences(
            @Nullable List<String> regionCodes,
            @Nullable Language language,
            @Nullable Severity minimumSeverity,
            RegionCatalogue catalogue,
            Instant now) {
        List<String> newRegions = regionCodes == null
                ? regions
                : regionCodes.stream()
                        .map(catalogue::require)
                        .map(Region::code)
                        .distinct()
                        .sorted()
                        .toList();
        if (newRegions.isEmpty()) {
            throw new IllegalArgumentException("a subscriber needs a region");
        }
        Language newLanguage = language == null ? this.language : language;
        Severity newSeverity = minimumSeverity == null ? this.minimumSeverity : minimumSeverity;
        if (newRegions.equals(regions) && newLanguage == this.language && newSeverity == this.minimumSeverity) {
            return false;
        }
        this.regions = newRegions;
        this.language = newLanguage;
        this.minimumSeverity = newSeverity;
        revision++;
        updatedAt = now;
        return true;
    }

    /**
     * Stops every alert to this subscriber, whatever their contact points' state; they stay stored (unlike erasure) so
     * that the person or an administrator can see what there was.
     *
     * @return false if it was inactive already: nothing changed
     */
    boolean deactivate(Instant now) {
        if (status == SubscriberStatus.INACTIVE) {
            return false;
        }
        status = SubscriberStatus.INACTIVE;
        revision++;
        updatedAt = now;
        return true;
    }

    /** The channels whose contact point is not verified yet. */
    List<Channel> pendingVerification() {
        return contacts.stream()
                .filter(c -> !c.verified())
                .map(Contact::channel)
                .toList();
    }

    List<ContactPointState> contactPointStates() {
        return contacts.stream().map(Contact::state).toList();
    }

    /** The full state for the {@code subscriptions} topic: only verified, not opted-out contact points are in it. */
    SubscriptionEvent snapshot(String unsubscribeToken) {
        return new SubscriptionEvent(
                SubscriptionEvent.SCHEMA_VERSION,
                id.value(),
                revision,
                status,
                language.code(),
                minimumSeverity,
                regions,
                contacts.stream()
                        .filter(Contact::reachable)
                        .map(Contact::toEvent)
                        .toList(),
                unsubscribeToken,
                updatedAt);
    }

    SubscriberId id() {
        return id;
    }

    @Nullable
    String name() {
        return name;
    }

    @Nullable
    String organisation() {
        return organisation;
    }

    Language language() {
        return language;
    }

    Severity minimumSeverity() {
        return minimumSeverity;
    }

    SubscriberStatus status() {
        return status;
    }

    long revision() {
        return revision;
    }

    List<String> regions() {
        return regions;
    }

    List<Contact> contacts() {
        return List.copyOf(contacts);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
