package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.dispatch.delivery.SendResult;

/** Hands one SMS to whatever carries it: Twilio, or the local outbox. */
interface SmsGateway {

    SendResult send(String to, String body);

    /** Human-readable, for logs and health: where messages go. */
    String describe();
}
