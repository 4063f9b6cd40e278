package no.overdosevarsel.dispatch.channel.email;

import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.channel.local.LocalOutbox;
import no.overdosevarsel.dispatch.delivery.SendResult;

/** Standalone without an SMTP server: the email goes to the local outbox (its text part). */
final class LocalEmailGateway implements EmailGateway {

    private final LocalOutbox outbox;

    LocalEmailGateway(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public SendResult send(OutgoingEmail email) {
        return new SendResult.Accepted(outbox.record(Channel.EMAIL, email.to(), email.subject(), email.text()));
    }

    @Override
    public String describe() {
        return "local outbox (not sent)";
    }
}
