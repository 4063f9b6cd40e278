package no.overdosevarsel.dispatch.channel.sms;

import java.net.URI;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provider {@code twilio}, or {@code local} to write messages to the local outbox instead of sending them
 * @param maxSegments alert texts are shortened to fit this many SMS segments
 * @param concurrency requests to the provider in flight at once
 * @param ratePerSecond most messages handed to the provider per second (the account's sending limit); 0 for none
 * @param twilio credentials and sender; required when the provider is twilio
 */
@ConfigurationProperties("overdosevarsel.sms")
record SmsProperties(
        @DefaultValue("twilio") String provider,
        @DefaultValue("3") int maxSegments,
        @DefaultValue("8") int concurrency,
        @DefaultValue("0") int ratePerSecond,
        @DefaultValue Twilio twilio) {

    /**
     * @param from sender number or alphanumeric id, used when no messaging service is set
     * @param apiBaseUrl only for tests and local stubs: where the SDK's requests go instead of api.twilio.com
     * @param statusCallbackUrl public URL of dispatch's status callback, set on every message
     */
    record Twilio(
            @Nullable String accountSid,
            @Nullable String authToken,
            @Nullable String messagingServiceSid,
            @Nullable String from,
            @Nullable URI apiBaseUrl,
            @Nullable URI statusCallbackUrl) {

        /** The URL Twilio calls back and signs: as configured, else derived from dispatch's public base URL. */
        URI callbackUrl(PublicLinks links) {
            return statusCallbackUrl != null
                    ? statusCallbackUrl
                    : URI.create(links.publicBaseUrl().toString().replaceAll("/+$", "")
                            + TwilioStatusCallbackController.PATH);
        }
    }
}
