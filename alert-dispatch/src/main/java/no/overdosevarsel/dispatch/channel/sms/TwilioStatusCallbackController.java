package no.overdosevarsel.dispatch.channel.sms;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes.ProviderStatus;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's message status callbacks. Only requests signed with our auth token count: the signature is checked against
 * the public callback URL as configured (what Twilio signed), not the URL this server sees behind a proxy.
 */
@RestController
@ConditionalOnProperty(name = "overdosevarsel.sms.provider", havingValue = "twilio", matchIfMissing = true)
class TwilioStatusCallbackController {

    static final String PATH = "/webhooks/twilio/status";

    private static final Logger log = LoggerFactory.getLogger(TwilioStatusCallbackController.class);

    private final DeliveryOutcomes outcomes;
    private final RequestValidator validator;
    private final String callbackUrl;

    TwilioStatusCallbackController(DeliveryOutcomes outcomes, SmsProperties properties, PublicLinks links) {
        this.outcomes = outcomes;
        SmsProperties.Twilio settings = properties.twilio();
        this.callbackUrl = settings.callbackUrl(links).toString();
        this.validator = new RequestValidator(settings.authToken() == null ? "" : settings.authToken());
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        if (signature == null || !validator.validate(callbackUrl, params, signature)) {
            log.warn("Rejected a status callback without a valid X-Twilio-Signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String sid = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", "");
        String errorCode = params.get("ErrorCode");
        if (sid == null) {
            return ResponseEntity.badRequest().build();
        }
        String reason = errorCode == null ? null : "twilio " + status + "/" + errorCode;
        boolean optedOut = String.valueOf(TwilioSmsGateway.OPTED_OUT).equals(errorCode);
        switch (status) {
            case "delivered" -> outcomes.providerStatus(sid, ProviderStatus.DELIVERED, reason, false);
            case "undelivered" -> outcomes.providerStatus(sid, ProviderStatus.UNDELIVERED, reason, optedOut);
            case "failed" -> outcomes.providerStatus(sid, ProviderStatus.FAILED, reason, optedOut);
            default -> {
                // queued, sending, sent, accepted, scheduled: nothing new for us.
            }
        }
        return ResponseEntity.noContent().build();
    }
}
