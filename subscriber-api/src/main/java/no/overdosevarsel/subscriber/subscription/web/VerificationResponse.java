package no.overdosevarsel.subscriber.subscription.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.ContactPointState;
import no.overdosevarsel.subscriber.subscription.VerificationOutcome;
import org.jspecify.annotations.Nullable;

/** The body of a 200 to {@code POST /api/subscribers/{id}/verify}: each channel and whether it is verified. */
record VerificationResponse(UUID id, List<ChannelState> channels) {

    record ChannelState(
            Channel channel, boolean verified, @Nullable Instant verifiedAt) {

        static ChannelState of(ContactPointState state) {
            return new ChannelState(state.channel(), state.verified(), state.verifiedAt());
        }
    }

    static VerificationResponse of(VerificationOutcome.Verified verified) {
        return new VerificationResponse(
                verified.id().value(),
                verified.contactPoints().stream().map(ChannelState::of).toList());
    }
}
