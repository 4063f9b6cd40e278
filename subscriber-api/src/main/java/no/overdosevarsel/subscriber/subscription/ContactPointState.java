package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import no.overdosevarsel.contracts.subscription.Channel;
import org.jspecify.annotations.Nullable;

/** Whether a subscriber's contact point on one channel is verified, and since when. */
public record ContactPointState(Channel channel, @Nullable Instant verifiedAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
