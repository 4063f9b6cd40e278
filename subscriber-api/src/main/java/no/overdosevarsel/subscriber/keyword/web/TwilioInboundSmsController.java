package no.overdosevarsel.subscriber.keyword.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.keyword.SmsKeywords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's incoming-message webhook. Only a request signed with our auth token counts; anything else is refused with
 * 403 before it is read. The answer is empty TwiML: replies go out as direct messages through alert-dispatch, like
 * every other message (docs/adr/0020-subscriber-sms-keywords.md).
 */
@RestController
class TwilioInboundSmsController {

    static final String PATH = "/webhooks/twilio/sms";

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private static final Logger log = LoggerFactory.getLogger(TwilioInboundSmsController.class);

    private final TwilioSignature signature;
    private final SmsKeywords keywords;

    TwilioInboundSmsController(TwilioSignature signature, SmsKeywords keywords) {
        this.signature = signature;
        this.keywords = keywords;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String twilioSignature) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
        if (!signature.valid(parameters, twilioSignature)) {
            log.warn("Refused an inbound SMS webhook request without a valid X-Twilio-Signature");
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, "twilio-signature-invalid", "problem.twilio-signature-invalid");
        }
        String from = parameters.get("From");
        if (from == null || from.isBlank()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("From", "validation.phone.required"),
                    "problem.validation");
        }
        keywords.handle(from, parameters.getOrDefault("Body", ""));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }
}
