package no.overdosevarsel.dispatch.channel.sms;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.sms.AlertSms;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.delivery.Recipient;
import no.overdosevarsel.dispatch.delivery.SendResult;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;

/** Alerts and one-off messages by SMS, throttled to the provider's sending rate. */
final class SmsChannel implements AlertChannel {

    private final SmsGateway gateway;
    private final AlertSms text;
    private final PublicLinks links;
    private final int concurrency;
    private final @Nullable RateLimiter throttle;

    /**
     * @param text the alert SMS rendering shared with alert-ingest, so that a headline it accepted is sent whole
     */
    SmsChannel(SmsGateway gateway, AlertSms text, PublicLinks links, int concurrency, int ratePerSecond) {
        this.gateway = gateway;
        this.throttle = ratePerSecond <= 0
                ? null
                : RateLimiter.of(
                        "sms",
                        RateLimiterConfig.custom()
                                .limitForPeriod(ratePerSecond)
                                .limitRefreshPeriod(Duration.ofSeconds(1))
                                .timeoutDuration(Duration.ofMinutes(1))
                                .build());
        this.text = text;
        this.links = links;
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
        return send(
                recipient.address(),
                text.render(alert, recipient.language(), links.alertPage(alert.alertId())),
                recipient.deliveryId());
    }

    @Override
    public SendResult sendDirect(DirectMessage message) {
        return send(message.to(), message.body(), null);
    }

    /** Waits for the provider's sending rate; a wait that runs out is a retry, never a drop. */
    private SendResult send(String to, String body, @Nullable Long deliveryId) {
        if (throttle != null && !throttle.acquirePermission()) {
            return new SendResult.RetryLater("sms rate limit", Duration.ofSeconds(1));
        }
        return gateway.send(to, body, deliveryId);
    }
}
