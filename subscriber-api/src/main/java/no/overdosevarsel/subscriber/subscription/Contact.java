package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import org.jspecify.annotations.Nullable;

/**
 * One contact point of a subscriber (a row of {@code contact_point}): alerts reach it only once it is verified, as long
 * as the person has not opted out and the provider has not called it undeliverable.
 *
 * @param address normalised, see {@link ContactAddresses}
 */
record Contact(
        UUID id,
        Channel channel,
        String address,
        Instant createdAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant optedOutAt,
        @Nullable Instant undeliverableAt) {

    static Contact unverified(Channel channel, String address, Instant now) {
        return new Contact(UUID.randomUUID(), channel, address, now, null, null, null);
    }

    boolean verified() {
        return verifiedAt != null;
    }

    boolean optedOut() {
        return optedOutAt != null;
    }

    /** Whether alerts may be sent here: consent given (verified), not withdrawn (opted out), and deliverable. */
    boolean reachable() {
        return verifiedAt != null && optedOutAt == null && undeliverableAt == null;
    }

    boolean reaches(Channel channel, String address) {
        return this.channel == channel && this.address.equals(address);
    }

    Contact verifiedAt(Instant at) {
        return new Contact(id, channel, address, createdAt, at, optedOutAt, undeliverableAt);
    }

    Contact optedOutAt(@Nullable Instant at) {
        return new Contact(id, channel, address, createdAt, verifiedAt, at, undeliverableAt);
    }

    Contact undeliverableAt(Instant at) {
        return new Contact(id, channel, address, createdAt, verifiedAt, optedOutAt, at);
    }

    ContactPoint toEvent() {
        return new ContactPoint(channel, address);
    }

    ContactPointState state() {
        return new ContactPointState(channel, verifiedAt);
    }
}
