package no.overdosevarsel.subscriber.keyword.web;

import com.twilio.security.RequestValidator;
import java.util.Map;
import no.overdosevarsel.subscriber.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK against the URL Twilio was told to call: the public one, not
 * the one this server sees behind a proxy or load balancer.
 */
@Component
class TwilioSignature {

    private static final Logger log = LoggerFactory.getLogger(TwilioSignature.class);

    private final @Nullable RequestValidator validator;
    private final String url;

    TwilioSignature(TwilioProperties properties, PublicLinks links) {
        String token = properties.authToken();
        if (token == null || token.isBlank()) {
            log.warn("overdosevarsel.twilio.auth-token is not set: every Twilio webhook request will be refused");
            this.validator = null;
        } else {
            this.validator = new RequestValidator(token);
        }
        this.url = properties.inboundSmsUrl() != null
                ? properties.inboundSmsUrl().toString()
                : links.to(TwilioInboundSmsController.PATH).toString();
    }

    /** Whether Twilio signed exactly these POST parameters for our public URL. */
    boolean valid(Map<String, String> parameters, @Nullable String signature) {
        return validator != null
                && signature != null
                && !signature.isBlank()
                && validator.validate(url, parameters, signature);
    }
}
