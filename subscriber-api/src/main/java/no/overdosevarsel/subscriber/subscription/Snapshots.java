package no.overdosevarsel.subscriber.subscription;

import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.subscriber.security.Signer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a subscriber's current snapshot, or its tombstone, in the outbox for {@code subscriptions}, in the caller's
 * transaction; and makes and reads the signed unsubscribe token every snapshot carries.
 */
@Component
class Snapshots {

    /** The purpose of the HMAC in unsubscribe tokens. */
    static final String UNSUBSCRIBE_PURPOSE = "unsubscribe";

    private final Outbox outbox;
    private final Signer signer;

    Snapshots(Outbox outbox, Signer signer) {
        this.outbox = outbox;
        this.signer = signer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(Subscriber subscriber) {
        outbox.append(
                Topics.SUBSCRIPTIONS,
                subscriber.id().toString(),
                subscriber.snapshot(unsubscribeToken(subscriber.id())));
    }

    /** A null value under the subscriber's key: log compaction then drops every earlier snapshot. */
    @Transactional(propagation = Propagation.MANDATORY)
    void tombstone(SubscriberId id) {
        outbox.append(Topics.SUBSCRIPTIONS, id.toString(), null);
    }

    String unsubscribeToken(SubscriberId id) {
        return signer.sign(UNSUBSCRIBE_PURPOSE, id.toString());
    }

    /** The subscriber an unsubscribe token was made for; empty if it was not made by us, or was altered. */
    Optional<SubscriberId> subscriberOf(String unsubscribeToken) {
        return signer.verify(UNSUBSCRIBE_PURPOSE, unsubscribeToken)
                .flatMap(Snapshots::uuid)
                .map(SubscriberId::new);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
