package no.overdosevarsel.subscriber.keyword.web;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param authToken the Twilio account's auth token, which signs every webhook request (env {@code TWILIO_AUTH_TOKEN});
 *     unset, every webhook request is refused
 * @param inboundSmsUrl the exact URL configured for incoming messages in Twilio, if it is not
 *     {@code overdosevarsel.links.subscriber-base-url} + {@value TwilioInboundSmsController#PATH}
 */
@ConfigurationProperties("overdosevarsel.twilio")
record TwilioProperties(
        @Nullable String authToken, @Nullable URI inboundSmsUrl) {

    @Override
    public String toString() {
        return "TwilioProperties[authToken=" + (authToken == null || authToken.isBlank() ? "unset" : "******")
                + ", inboundSmsUrl=" + inboundSmsUrl + "]";
    }
}
