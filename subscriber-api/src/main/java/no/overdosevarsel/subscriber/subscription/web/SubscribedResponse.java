package no.overdosevarsel.subscriber.subscription.web;

import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.Subscribed;

/**
 * The body of a 202 to {@code POST /api/subscribers}.
 *
 * @param pendingVerification the channels a code was sent on; nothing is sent anywhere until each is verified
 */
record SubscribedResponse(UUID id, List<Channel> pendingVerification) {

    static SubscribedResponse of(Subscribed subscribed) {
        return new SubscribedResponse(subscribed.id().value(), subscribed.pendingVerification());
    }
}
