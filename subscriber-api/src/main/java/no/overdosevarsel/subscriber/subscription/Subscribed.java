package no.overdosevarsel.subscriber.subscription;

import java.util.List;
import no.overdosevarsel.contracts.subscription.Channel;

/**
 * A new subscriber, registered but not yet reachable.
 *
 * @param pendingVerification the channels a verification code was sent on
 */
public record Subscribed(SubscriberId id, List<Channel> pendingVerification) {

    public Subscribed {
        pendingVerification = List.copyOf(pendingVerification);
    }
}
