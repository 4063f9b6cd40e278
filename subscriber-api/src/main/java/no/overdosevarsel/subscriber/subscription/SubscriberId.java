package no.overdosevarsel.subscriber.subscription;

import java.util.UUID;

/** Identifies a subscriber; the key of its snapshots on the {@code subscriptions} topic. */
public record SubscriberId(UUID value) {

    static SubscriberId random() {
        return new SubscriberId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
