package no.overdosevarsel.dispatch.channel.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.util.Set;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.jspecify.annotations.Nullable;

/**
 * Sends through the Twilio Messages API. Twilio's answer decides what happens next: 429 and 5xx are retried later (the
 * SDK does not retry 429), an opted-out or invalid number is never retried.
 */
final class TwilioSmsGateway implements SmsGateway {

    /** 21610: the recipient replied STOP to our sender. */
    static final int OPTED_OUT = 21610;

    /** 21211: invalid 'To' number; 21614: not a mobile number. */
    static final Set<Integer> INVALID_NUMBER = Set.of(21211, 21614);

    private final TwilioRestClient client;
    private final SmsProperties.Twilio settings;
    private final URI statusCallback;

    TwilioSmsGateway(SmsProperties.Twilio settings, URI statusCallback, int concurrency) {
        this.statusCallback = statusCallback;
        if (isBlank(settings.accountSid()) || isBlank(settings.authToken())) {
            throw new IllegalStateException("SMS provider twilio needs overdosevarsel.sms.twilio.account-sid and "
                    + "auth-token (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN), or set overdosevarsel.sms.provider=local");
        }
        if (isBlank(settings.messagingServiceSid()) && isBlank(settings.from())) {
            throw new IllegalStateException(
                    "SMS provider twilio needs a sender: overdosevarsel.sms.twilio.messaging-service-sid or from");
        }
        this.settings = settings;
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new RoutingTwilioHttpClient(settings.apiBaseUrl(), concurrency))
                .build();
    }

    @Override
    public SendResult send(String to, String body, @Nullable Long deliveryId) {
        MessageCreator creator = isBlank(settings.messagingServiceSid())
                ? Message.creator(new PhoneNumber(to), new PhoneNumber(settings.from()), body)
                : Message.creator(new PhoneNumber(to), settings.messagingServiceSid(), body);
        if (deliveryId != null) {
            // The callback names its delivery, so recording it needs no index on Twilio's message SID.
            creator.setStatusCallback(TwilioStatusCallbackController.callbackFor(statusCallback, deliveryId));
        }
        try {
            Message message = creator.create(client);
            return new SendResult.Accepted(message.getSid());
        } catch (ApiException e) {
            return classify(e);
        } catch (ApiConnectionException e) {
            return new SendResult.RetryLater("twilio unreachable: " + e.getMessage(), null);
        }
    }

    static SendResult classify(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        String reason = "twilio " + (status == null ? "?" : status) + "/" + (code == null ? "?" : code);
        if (code != null && code == OPTED_OUT) {
            return new SendResult.Rejected(reason + " opted out", true);
        }
        if (code != null && INVALID_NUMBER.contains(code)) {
            return new SendResult.Rejected(reason + " invalid number", false);
        }
        // Everything else, 429 included (exponential backoff with jitter, as for an outage), is retried and, if it
        // never
        // passes, ends as failed for this message only: outages pass, and so do account or sender mistakes (21606
        // sender cannot send SMS, 21408 region not enabled,
        // 401/403 credentials) once an operator fixes them. Only the codes above are about the number itself; treating
        // any other 4xx as "undeliverable" would remove every subscriber's number after one configuration error.
        return new SendResult.RetryLater(reason + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
    }

    @Override
    public String describe() {
        return settings.apiBaseUrl() == null ? "Twilio" : "Twilio API at " + settings.apiBaseUrl();
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
