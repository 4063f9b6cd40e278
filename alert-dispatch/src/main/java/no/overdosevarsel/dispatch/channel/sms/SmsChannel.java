package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.Recipient;
import no.overdosevarsel.dispatch.delivery.SendResult;

/** Alerts and one-off messages by SMS. */
final class SmsChannel implements AlertChannel {

    private final SmsGateway gateway;
    private final SmsAlertText text;
    private final int concurrency;

    SmsChannel(SmsGateway gateway, SmsAlertText text, int concurrency) {
        this.gateway = gateway;
        this.text = text;
        this.concurrency = concurrency;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public SendResult sendAlert(AlertEvent alert, Recipient recipient) {
        return gateway.send(recipient.address(), text.render(alert, recipient.language()));
    }

    @Override
    public SendResult sendDirect(DirectMessage message) {
        return gateway.send(message.to(), message.body());
    }
}
