package no.overdosevarsel.dispatch.channel.sms;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes;
import no.overdosevarsel.dispatch.delivery.DeliveryOutcomes.ProviderStatus;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Twilio's message status callbacks. Only requests signed with our auth token count: the signature is checked against
 * the public callback URL as configured (what Twilio signed), with the query this request came with, not the URL this
 * server sees behind a proxy. Each alert SMS's callback URL names its delivery ({@value #DELIVERY}), so a callback
 * finds its row by primary key; callbacks without it (messages sent before that) are looked up by Twilio's SID.
 */
@RestController
@ConditionalOnProperty(name = "overdosevarsel.sms.provider", havingValue = "twilio", matchIfMissing = true)
class TwilioStatusCallbackController {

    static final String PATH = "/webhooks/twilio/status";

    /** Query parameter of the callback URL: the delivery id. */
    static final String DELIVERY = "delivery";

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

    /** The status callback URL for one delivery. */
    static URI callbackFor(URI callbackUrl, long deliveryId) {
        return UriComponentsBuilder.fromUri(callbackUrl)
                .replaceQueryParam(DELIVERY, deliveryId)
                .build()
                .toUri();
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
                .query(request.getQueryString())
                .build()
                .getQueryParams();
        // Twilio signs the URL (query included) followed by the POST parameters; the servlet mixes both.
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.containsKey(name)) {
                params.put(name, values.length == 0 ? "" : values[0]);
            }
        });
        String signedUrl = request.getQueryString() == null
                ? callbackUrl
                : callbackUrl.replaceFirst("\\?.*$", "") + "?" + request.getQueryString();
        if (signature == null || !validator.validate(signedUrl, params, signature)) {
            log.warn("Rejected a status callback without a valid X-Twilio-Signature");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String sid = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", "");
        String errorCode = params.get("ErrorCode");
        if (sid == null) {
            return ResponseEntity.badRequest().build();
        }
        Long deliveryId = deliveryId(query.getFirst(DELIVERY));
        String reason = errorCode == null ? null : "twilio " + status + "/" + errorCode;
        boolean optedOut = String.valueOf(TwilioSmsGateway.OPTED_OUT).equals(errorCode);
        ProviderStatus outcome = switch (status) {
            case "delivered" -> ProviderStatus.DELIVERED;
            case "undelivered" -> ProviderStatus.UNDELIVERED;
            case "failed" -> ProviderStatus.FAILED;
            // queued, sending, sent, accepted, scheduled: nothing new for us.
            default -> null;
        };
        if (outcome != null) {
            outcomes.providerStatus(deliveryId, sid, outcome, reason, optedOut && outcome != ProviderStatus.DELIVERED);
        }
        return ResponseEntity.noContent().build();
    }

    private static @Nullable Long deliveryId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
