package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.channel.local.LocalOutbox;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.jspecify.annotations.Nullable;

/** Standalone without Twilio credentials: the SMS goes to the local outbox, not to a phone. */
final class LocalSmsGateway implements SmsGateway {

    private final LocalOutbox outbox;

    LocalSmsGateway(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public SendResult send(String to, String body, @Nullable Long deliveryId) {
        return new SendResult.Accepted(outbox.record(Channel.SMS, to, null, body));
    }

    @Override
    public String describe() {
        return "local outbox (not sent)";
    }
}
