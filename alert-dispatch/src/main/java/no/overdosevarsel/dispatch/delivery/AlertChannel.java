package no.overdosevarsel.dispatch.delivery;

import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;

/** One way of reaching people: renders and sends. Implementations must be thread-safe. */
public interface AlertChannel {

    Channel channel();

    /** How many sends may run at once on this channel. */
    int concurrency();

    SendResult sendAlert(AlertEvent alert, Recipient recipient);

    SendResult sendDirect(DirectMessage message);
}
