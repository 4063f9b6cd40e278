package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.dispatch.delivery.SendResult;
import org.jspecify.annotations.Nullable;

/** Hands one SMS to whatever carries it: Twilio, or the local outbox. */
interface SmsGateway {

    /**
     * @param deliveryId the delivery this message is, so that the provider's status callbacks can name it; null for a
     *     one-off message (verification code, confirmation link), whose delivery status nobody follows
     */
    SendResult send(String to, String body, @Nullable Long deliveryId);

    /** Human-readable, for logs and health: where messages go. */
    String describe();
}
