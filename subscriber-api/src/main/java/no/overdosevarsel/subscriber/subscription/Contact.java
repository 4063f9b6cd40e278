package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.ContactPoint;
import org.jspecify.annotations.Nullable;

/**
 * One contact point of a subscriber (a row of {@code contact_point}): alerts reach it only once it is verified and as
 * long as it has not opted out.
 *
 * @param address normalised, see {@link ContactAddresses}
 */
record Contact(
        UUID id,
        Channel channel,
        String address,
        Instant createdAt,
        @Nullable Instant verifiedAt,
        @Nullable Instant optedOutAt) {

    static Contact unverified(Channel channel, String address, Instant now) {
        return new Contact(UUID.randomUUID(), channel, address, now, null, null);
    }

    boolean verified() {
        return verifiedAt != null;
    }

    /** Whether alerts may be sent here: consent given (verified) and not withdrawn (opted out). */
    boolean reachable() {
        return verifiedAt != null && optedOutAt == null;
    }

    Contact verifiedAt(Instant at) {
        return new Contact(id, channel, address, createdAt, at, optedOutAt);
    }

    ContactPoint toEvent() {
        return new ContactPoint(channel, address);
    }

    ContactPointState state() {
        return new ContactPointState(channel, verifiedAt);
    }
}
