package no.overdosevarsel.dispatch.channel.email;

import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.Recipient;
import no.overdosevarsel.dispatch.delivery.SendResult;
import no.overdosevarsel.dispatch.web.PublicLinks;

/** Alerts and one-off messages by email. */
final class EmailChannel implements AlertChannel {

    private final EmailGateway gateway;
    private final EmailAlertRenderer renderer;
    private final PublicLinks links;
    private final EmailProperties properties;

    EmailChannel(EmailGateway gateway, EmailAlertRenderer renderer, PublicLinks links, EmailProperties properties) {
        this.gateway = gateway;
        this.renderer = renderer;
        this.links = links;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public int concurrency() {
        return properties.concurrency();
    }

    @Override
    public SendResult sendAlert(AlertEvent alert, Recipient recipient) {
        String unsubscribe =
                recipient.unsubscribeToken().isEmpty() ? null : links.unsubscribe(recipient.unsubscribeToken());
        EmailAlertRenderer.Rendered rendered = renderer.render(alert, recipient.language(), unsubscribe);
        String messageId = "<delivery-" + recipient.deliveryId() + "." + alert.alertId() + "." + alert.version() + "@"
                + properties.messageIdDomain() + ">";
        return gateway.send(new OutgoingEmail(
                recipient.address(), rendered.subject(), rendered.text(), rendered.html(), messageId, unsubscribe));
    }

    @Override
    public SendResult sendDirect(DirectMessage message) {
        String messageId = "<message-" + message.messageId() + "@" + properties.messageIdDomain() + ">";
        String subject = message.subject() == null ? "Overdosevarsel" : message.subject();
        return gateway.send(new OutgoingEmail(message.to(), subject, message.body(), null, messageId, null));
    }
}
