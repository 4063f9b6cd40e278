package no.overdosevarsel.subscriber.subscription;

import java.util.List;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.verification.Refusal;

/** What came of an attempt to verify a contact point with a code. */
public sealed interface VerificationOutcome {

    /** The code was right (now or, for a repeated request, before): the contact point is verified. */
    record Verified(SubscriberId id, List<ContactPointState> contactPoints) implements VerificationOutcome {

        public Verified {
            contactPoints = List.copyOf(contactPoints);
        }
    }

    /** The code was not accepted and nothing was verified. */
    record Refused(Refusal reason, int attemptsLeft) implements VerificationOutcome {}

    record UnknownSubscriber(SubscriberId id) implements VerificationOutcome {}

    /** The subscriber has no contact point on this channel. */
    record NoContactPoint(Channel channel) implements VerificationOutcome {}
}
