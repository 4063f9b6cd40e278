package no.overdosevarsel.dispatch.channel.email;

import no.overdosevarsel.dispatch.delivery.SendResult;

/** Hands one email to whatever carries it: an SMTP server, or the local outbox. */
interface EmailGateway {

    SendResult send(OutgoingEmail email);

    String describe();
}
